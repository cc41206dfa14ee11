import requests


def sync_users(user_ids):
    report = ""
    admins = ["root", "ops"]
    banned = {"spam"}
    for user_id in user_ids:
        profile = requests.get(f"https://api.example.com/users/{user_id}")
        report += profile.text
        if user_id in admins:
            continue
        if user_id in banned:
            continue
    return report
