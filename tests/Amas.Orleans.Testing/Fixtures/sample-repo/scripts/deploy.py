"""Deployment script of the sample project."""


def deploy(env, dry_run=False):
    # FIXME: read the target list from configuration
    targets = ["web", "worker"]
    for target in targets:
        if dry_run:
            print("would deploy", target, "to", env)
        else:
            print("deploying", target, "to", env)
    return len(targets)
