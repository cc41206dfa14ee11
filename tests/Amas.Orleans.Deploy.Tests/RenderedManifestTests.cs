using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amas.Orleans.Deploy.Tests.Support;
using static Amas.Orleans.Deploy.Tests.Support.Manifests;

namespace Amas.Orleans.Deploy.Tests;

/// <summary>What <c>kubectl kustomize deploy/k8s/overlays/{dev,prod}</c> renders, checked resource by resource.</summary>
public sealed partial class RenderedManifestTests
{
    public static TheoryData<string> Overlays => new() { "dev", "prod" };

    private static readonly string[] OrleansPodVerbs = ["get", "watch", "list", "delete", "patch"];

    public static readonly string[] ProviderKeyVariables =
    [
        "DEEPSEEK_API_KEY", "GLM_API_KEY", "GROK_API_KEY", "KIMI_API_KEY", "QWEN_API_KEY", "GPTOSS_API_KEY", "GROQ_API_KEY",
        "CEREBRAS_API_KEY", "GEMINI_API_KEY", "CODESTRAL_API_KEY", "NVIDIA_API_KEY", "GEMINI2_API_KEY", "GROQ2_API_KEY",
        "COHERE_API_KEY", "CHUTES_API_KEY",
    ];

    [Fact]
    public async Task Kubectl_embeds_kustomize_v5()
    {
        var version = await Kustomize.KustomizeVersionAsync();
        Assert.StartsWith("v5.", version);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_resource_lands_in_the_overlay_namespace_which_enforces_the_restricted_pod_standard(string overlay)
    {
        var manifests = await Kustomize.RenderOverlayAsync(overlay);
        var ns = Assert.Single(manifests.OfKind("Namespace"));
        var name = Name(ns);
        Assert.Equal("restricted", Strings(ns["metadata"]?["labels"]).GetValueOrDefault("pod-security.kubernetes.io/enforce"));
        foreach (var resource in manifests.Resources.Where(r => Kind(r) != "Namespace"))
        {
            Assert.True(resource["metadata"]?["namespace"]?.GetValue<string>() == name, $"{Describe(resource)} is not in namespace {name}.");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_container_has_requests_and_limits(string overlay)
    {
        var manifests = await Kustomize.RenderOverlayAsync(overlay);
        Assert.NotEmpty(manifests.Workloads);
        foreach (var workload in manifests.Workloads)
        {
            foreach (var container in Containers(workload))
            {
                var where = $"{Describe(workload)} container {container["name"]}";
                var resources = container["resources"];
                foreach (var part in new[] { "requests", "limits" })
                {
                    foreach (var resource in new[] { "cpu", "memory" })
                    {
                        Assert.True(resources?[part]?[resource] is not null, $"{where} has no {part}.{resource}.");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_server_container_has_liveness_and_readiness_probes(string overlay)
    {
        var manifests = await Kustomize.RenderOverlayAsync(overlay);
        var servers = 0;
        foreach (var workload in manifests.Workloads)
        {
            foreach (var container in Objects(PodSpec(workload)["containers"]))
            {
                if (Objects(container["ports"]).Any())
                {
                    servers++;
                    Assert.True(container["livenessProbe"] is JsonObject, $"{Describe(workload)} container {container["name"]} serves ports but has no livenessProbe.");
                    Assert.True(container["readinessProbe"] is JsonObject, $"{Describe(workload)} container {container["name"]} serves ports but has no readinessProbe.");
                }
            }
        }

        Assert.True(servers >= 2, $"Expected at least the silo and the gateway to serve ports; found {servers} server containers.");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_container_runs_as_non_root_without_privileges_on_a_read_only_root(string overlay)
    {
        var manifests = await Kustomize.RenderOverlayAsync(overlay);
        foreach (var workload in manifests.Workloads)
        {
            var pod = PodSpec(workload);
            var podContext = pod["securityContext"];
            Assert.True(podContext?["seccompProfile"]?["type"]?.GetValue<string>() == "RuntimeDefault", $"{Describe(workload)}: seccompProfile RuntimeDefault.");
            Assert.NotEqual(true, pod["hostNetwork"]?.GetValue<bool>());
            Assert.NotEqual(true, pod["hostPID"]?.GetValue<bool>());
            var volumes = Objects(pod["volumes"]).ToDictionary(v => v["name"]!.GetValue<string>());
            foreach (var container in Containers(workload))
            {
                var where = $"{Describe(workload)} container {container["name"]}";
                var context = container["securityContext"];
                var nonRoot = context?["runAsNonRoot"]?.GetValue<bool>() ?? podContext?["runAsNonRoot"]?.GetValue<bool>();
                Assert.True(nonRoot == true, $"{where}: runAsNonRoot must be true.");
                var user = context?["runAsUser"]?.GetValue<long>() ?? podContext?["runAsUser"]?.GetValue<long>();
                Assert.True(user is > 0, $"{where}: runAsUser must be a non-zero uid (runAsNonRoot cannot check a named USER).");
                Assert.True(context?["allowPrivilegeEscalation"]?.GetValue<bool>() == false, $"{where}: allowPrivilegeEscalation must be false.");
                Assert.True(context?["privileged"]?.GetValue<bool>() != true, $"{where}: privileged.");
                Assert.Contains("ALL", StringList(context?["capabilities"]?["drop"]));
                Assert.Empty(StringList(context?["capabilities"]?["add"]));
                Assert.True(context?["readOnlyRootFilesystem"]?.GetValue<bool>() == true, $"{where}: readOnlyRootFilesystem must be true.");

                // A read-only root needs a writable /tmp: an emptyDir.
                var tmp = Objects(container["volumeMounts"]).SingleOrDefault(m => m["mountPath"]?.GetValue<string>() == "/tmp");
                Assert.True(tmp is not null, $"{where}: no volume at /tmp.");
                var volume = volumes[tmp["name"]!.GetValue<string>()];
                Assert.True(volume["emptyDir"] is JsonObject, $"{where}: /tmp must be an emptyDir.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task No_image_is_untagged_or_latest(string overlay)
    {
        var manifests = await Kustomize.RenderOverlayAsync(overlay);
        foreach (var workload in manifests.Workloads)
        {
            foreach (var container in Containers(workload))
            {
                var image = container["image"]?.GetValue<string>() ?? "";
                Assert.True(IsPinned(image), $"{Describe(workload)} container {container["name"]}: image '{image}' must carry a version tag or digest, never latest.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_overlay_images_block_is_what_the_amas_containers_run(string overlay)
    {
        // An images entry whose name matches nothing is silently ignored by kustomize: check it took effect.
        var kustomization = YamlJson.ParseDocuments(Repository.ReadText("deploy", "k8s", "overlays", overlay, "kustomization.yaml")).Single();
        var images = Objects(kustomization["images"]).ToDictionary(i => i["name"]!.GetValue<string>(), i => $"{i["newName"]}:{i["newTag"]}");
        var manifests = await Kustomize.RenderOverlayAsync(overlay);
        Assert.Equal(images["amas-silo"], Container(manifests.SiloDeployment, "silo")["image"]!.GetValue<string>());
        Assert.Equal(images["amas-gateway"], Container(manifests.GatewayDeployment, "gateway")["image"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("registry.example.com/amas/silo:0.1.0", true)]
    [InlineData("docker.io/library/redis:7.4.2", true)]
    [InlineData("registry.example.com:5000/amas/silo:1.2.3", true)]
    [InlineData("registry.example.com/amas/silo@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("registry.example.com/amas/silo", false)]
    [InlineData("registry.example.com:5000/amas/silo", false)]
    [InlineData("amas-silo", false)]
    [InlineData("redis:latest", false)]
    [InlineData("redis:LATEST", false)]
    [InlineData("", false)]
    public void Image_pinning_rule(string image, bool pinned) => Assert.Equal(pinned, IsPinned(image));

    public static bool IsPinned(string image)
    {
        if (DigestPattern().IsMatch(image))
        {
            return true;
        }

        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.LastIndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        var tag = lastSegment[(colon + 1)..];
        return tag.Length > 0 && !tag.Equals("latest", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"@sha256:[0-9a-f]{64}$")]
    private static partial Regex DigestPattern();

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Silo_pods_carry_the_Orleans_labels_and_the_Kubernetes_hosting_environment(string overlay)
    {
        var manifests = await Kustomize.RenderOverlayAsync(overlay);
        var silo = manifests.SiloDeployment;
        var labels = PodLabels(silo);
        Assert.False(string.IsNullOrEmpty(labels.GetValueOrDefault("orleans/serviceId")), "pod label orleans/serviceId");
        Assert.False(string.IsNullOrEmpty(labels.GetValueOrDefault("orleans/clusterId")), "pod label orleans/clusterId");

        var container = Container(silo, "silo");
        AssertFieldRef(container, "POD_NAME", "metadata.name");
        AssertFieldRef(container, "POD_IP", "status.podIP");
        AssertFieldRef(container, "POD_NAMESPACE", "metadata.namespace");
        Assert.Equal(labels["orleans/serviceId"], Resolve(silo, container, "ORLEANS_SERVICE_ID"));
        Assert.Equal(labels["orleans/clusterId"], Resolve(silo, container, "ORLEANS_CLUSTER_ID"));

        // The silo's own options name the same cluster, and it advertises the pod's address.
        Assert.Equal(labels["orleans/serviceId"], Resolve(silo, container, "Amas__Silo__ServiceId"));
        Assert.Equal(labels["orleans/clusterId"], Resolve(silo, container, "Amas__Silo__ClusterId"));
        Assert.Equal("$(POD_IP)", EnvValue(container, "Amas__Silo__AdvertisedAddress"));
        Assert.Equal("redis", EnvValue(container, "Amas__Silo__Clustering"));
        Assert.Equal("postgres", EnvValue(container, "Amas__Silo__Persistence"));
        Assert.Equal("true", EnvValue(container, "Amas__Silo__Kubernetes"));
        AssertFromSecret(container, "Amas__Redis__ConnectionString");
        AssertFromSecret(container, "Amas__Postgres__ConnectionString");

        var ports = Objects(container["ports"]).ToDictionary(p => p["containerPort"]!.GetValue<long>(), p => p["name"]?.GetValue<string>());
        Assert.Contains(11111L, ports.Keys);
        Assert.Contains(30000L, ports.Keys);
        Assert.Equal("11111", EnvValue(container, "Amas__Silo__SiloPort"));
        Assert.Equal("30000", EnvValue(container, "Amas__Silo__GatewayPort"));

        // Probes on the health port, which is neither Orleans port and is the one the silo's Urls binds.
        var liveness = container["livenessProbe"]!["httpGet"]!;
        var readiness = container["readinessProbe"]!["httpGet"]!;
        Assert.Equal("/health/live", liveness["path"]!.GetValue<string>());
        Assert.Equal("/health/ready", readiness["path"]!.GetValue<string>());
        var healthPort = PortNumber(container, liveness["port"]!);
        Assert.Equal(healthPort, PortNumber(container, readiness["port"]!));
        Assert.DoesNotContain(healthPort, new[] { 11111L, 30000L });
        Assert.EndsWith($":{healthPort}", EnvValue(container, "Urls"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Silo_rollout_never_drops_below_three_silos_and_waits_for_the_hand_over(string overlay)
    {
        var silo = (await Kustomize.RenderOverlayAsync(overlay)).SiloDeployment;
        Assert.Equal(3, silo["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal("RollingUpdate", silo["spec"]!["strategy"]!["type"]!.GetValue<string>());
        Assert.Equal(0, silo["spec"]!["strategy"]!["rollingUpdate"]!["maxUnavailable"]!.GetValue<long>());

        var grace = PodSpec(silo)["terminationGracePeriodSeconds"]?.GetValue<long>() ?? 30;
        var shutdown = long.Parse(EnvValue(Container(silo, "silo"), "shutdownTimeoutSeconds") ?? "30", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(grace >= 60, $"terminationGracePeriodSeconds {grace}: a silo needs time to hand its grains over.");
        Assert.True(shutdown < grace, $"The host's shutdownTimeoutSeconds ({shutdown}) must end before the kubelet's SIGKILL ({grace}).");
        Assert.True(shutdown >= 60, $"shutdownTimeoutSeconds {shutdown} is too short for a grain hand-over.");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Env_references_name_variables_defined_earlier_in_the_same_container(string overlay)
    {
        var manifests = await Kustomize.RenderOverlayAsync(overlay);
        foreach (var workload in manifests.Workloads)
        {
            foreach (var container in Containers(workload))
            {
                var defined = new HashSet<string>();
                foreach (var variable in Env(container))
                {
                    var name = variable["name"]!.GetValue<string>();
                    foreach (Match reference in EnvReference().Matches(variable["value"]?.GetValue<string>() ?? ""))
                    {
                        Assert.True(defined.Contains(reference.Groups[1].Value),
                            $"{Describe(workload)} {container["name"]}: {name} uses $({reference.Groups[1].Value}) before it is defined (Kubernetes would pass the text literally).");
                    }

                    defined.Add(name);
                }
            }
        }
    }

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex EnvReference();

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_Role_grants_exactly_the_pod_verbs_Orleans_needs_to_the_silos_account(string overlay)
    {
        var manifests = await Kustomize.RenderOverlayAsync(overlay);
        var silo = manifests.SiloDeployment;
        var account = PodSpec(silo)["serviceAccountName"]?.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(account), "The silos need their own ServiceAccount.");
        manifests.Single("ServiceAccount", account!);
        Assert.NotEqual(false, PodSpec(silo)["automountServiceAccountToken"]?.GetValue<bool>());

        var ns = silo["metadata"]!["namespace"]!.GetValue<string>();
        var binding = Assert.Single(manifests.OfKind("RoleBinding"), b => Objects(b["subjects"]).Any(s =>
            s["kind"]?.GetValue<string>() == "ServiceAccount" && s["name"]?.GetValue<string>() == account && s["namespace"]?.GetValue<string>() == ns));
        Assert.Equal("Role", binding["roleRef"]!["kind"]!.GetValue<string>());
        var role = manifests.Single("Role", binding["roleRef"]!["name"]!.GetValue<string>());

        var rule = Assert.Single(Objects(role["rules"]));
        Assert.Equal(new[] { "" }, StringList(rule["apiGroups"]));
        Assert.Equal(new[] { "pods" }, StringList(rule["resources"]));
        Assert.Equal(OrleansPodVerbs.Order(), StringList(rule["verbs"]).Order());
        Assert.Null(rule["resourceNames"]);
        Assert.Empty(manifests.OfKind("ClusterRole"));
        Assert.Empty(manifests.OfKind("ClusterRoleBinding"));

        // Nobody else gets an API token.
        foreach (var workload in manifests.Workloads.Where(w => w != silo))
        {
            Assert.True(PodSpec(workload)["automountServiceAccountToken"]?.GetValue<bool>() == false, $"{Describe(workload)} should not mount an API token.");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Disruption_budgets_cover_silos_and_gateways_and_the_gateway_autoscales(string overlay)
    {
        var manifests = await Kustomize.RenderOverlayAsync(overlay);
        var silo = manifests.SiloDeployment;
        var gateway = manifests.GatewayDeployment;

        var siloBudget = Assert.Single(manifests.OfKind("PodDisruptionBudget"), p => Selects(p["spec"]!["selector"], PodLabels(silo)));
        Assert.Equal(1, siloBudget["spec"]!["maxUnavailable"]!.GetValue<long>());
        Assert.Single(manifests.OfKind("PodDisruptionBudget"), p => Selects(p["spec"]!["selector"], PodLabels(gateway)));

        var hpa = Assert.Single(manifests.OfKind("HorizontalPodAutoscaler"));
        Assert.Equal("autoscaling/v2", hpa["apiVersion"]!.GetValue<string>());
        Assert.Equal("Deployment", hpa["spec"]!["scaleTargetRef"]!["kind"]!.GetValue<string>());
        Assert.Equal("amas-gateway", hpa["spec"]!["scaleTargetRef"]!["name"]!.GetValue<string>());
        var min = hpa["spec"]!["minReplicas"]!.GetValue<long>();
        var max = hpa["spec"]!["maxReplicas"]!.GetValue<long>();
        Assert.InRange(min, 1, max);
        Assert.NotEmpty(Objects(hpa["spec"]!["metrics"]));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Only_gateway_pods_reach_the_silo_gateway_port_and_only_silos_the_silo_port(string overlay)
    {
        var manifests = await Kustomize.RenderOverlayAsync(overlay);
        var siloLabels = PodLabels(manifests.SiloDeployment);
        var gatewayLabels = PodLabels(manifests.GatewayDeployment);

        // Ingress is denied unless allowed: a policy with no rules selects every pod.
        Assert.Contains(manifests.OfKind("NetworkPolicy"), p =>
            p["spec"]!["podSelector"] is JsonObject { Count: 0 } && StringList(p["spec"]!["policyTypes"]).Contains("Ingress") && p["spec"]!["ingress"] is null);

        var siloPolicies = manifests.OfKind("NetworkPolicy").Where(p => Selects(p["spec"]!["podSelector"], siloLabels)).ToList();
        var rules = siloPolicies.SelectMany(p => Objects(p["spec"]!["ingress"])).ToList();
        Assert.NotEmpty(rules);

        AssertOnlyPeers(rules, 30000, gatewayLabels, "the gateway pods");
        AssertOnlyPeers(rules, 11111, siloLabels, "the silo pods");
        // The gateway pods are not silos and the silos are not gateway pods: the selectors really differ.
        Assert.False(Selects(SelectorOfRulesFor(rules, 30000), siloLabels), "The silo gateway port must not be open to silo pods as 'gateway'.");
    }

    private static void AssertOnlyPeers(IReadOnlyList<JsonObject> rules, long port, IReadOnlyDictionary<string, string> allowedLabels, string who)
    {
        var applicable = rules.Where(rule => CoversPort(rule, port)).ToList();
        Assert.True(applicable.Count > 0, $"No ingress rule opens port {port} at all: {who} could not connect.");
        foreach (var rule in applicable)
        {
            var peers = Objects(rule["from"]).ToList();
            Assert.True(peers.Count > 0, $"A rule opens port {port} to every source; it must be {who} only: {rule.ToJsonString()}");
            foreach (var peer in peers)
            {
                Assert.True(peer["ipBlock"] is null && peer["namespaceSelector"] is null,
                    $"Port {port} is open to an ipBlock or another namespace; it must be {who} only: {peer.ToJsonString()}");
                Assert.True(Selects(peer["podSelector"], allowedLabels) && peer["podSelector"]!["matchLabels"] is JsonObject { Count: > 0 },
                    $"Port {port} is open to pods other than {who}: {peer.ToJsonString()}");
            }
        }
    }

    private static JsonNode? SelectorOfRulesFor(IReadOnlyList<JsonObject> rules, long port)
        => rules.Where(rule => CoversPort(rule, port)).SelectMany(rule => Objects(rule["from"])).First()["podSelector"];

    private static bool CoversPort(JsonObject rule, long port)
    {
        var ports = Objects(rule["ports"]).ToList();
        if (ports.Count == 0)
        {
            return true; // a rule without ports opens every port
        }

        return ports.Any(p => p["port"] is JsonValue value && value.TryGetValue<long>(out var number)
            ? number <= port && port <= (p["endPort"]?.GetValue<long>() ?? number)
            : true); // a named port could be anything: treat it as covering
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_gateway_is_an_Orleans_client_of_the_same_cluster_without_the_silo_labels(string overlay)
    {
        var manifests = await Kustomize.RenderOverlayAsync(overlay);
        var siloLabels = PodLabels(manifests.SiloDeployment);
        var gateway = manifests.GatewayDeployment;
        var container = Container(gateway, "gateway");
        Assert.Equal("client", EnvValue(container, "Amas__Gateway__Cluster"));
        Assert.Equal("redis", EnvValue(container, "Amas__Gateway__Clustering"));
        Assert.Equal(siloLabels["orleans/serviceId"], EnvValue(container, "Amas__Gateway__ServiceId"));
        Assert.Equal(siloLabels["orleans/clusterId"], EnvValue(container, "Amas__Gateway__ClusterId"));
        AssertFromSecret(container, "Amas__Redis__ConnectionString");

        // Outside the embedded default the gateway refuses to start without authentication; its keys and audit log
        // are in PostgreSQL, and nothing that opens the door is written into a manifest.
        Assert.Equal("true", EnvValue(container, "Amas__Security__Enabled"));
        AssertFromSecret(container, "Amas__Postgres__ConnectionString");
        foreach (var name in new[] { "Amas__Security__BootstrapApiKeyHash", "Amas__Security__Jwt__Issuer", "Amas__Security__Jwt__Audience", "Amas__Security__Jwt__SigningKey" })
        {
            var reference = EnvVar(container, name)?["valueFrom"]?["secretKeyRef"];
            Assert.True(reference is not null, $"{name} is not taken from a Secret.");
            Assert.Equal("amas-gateway-auth", reference!["name"]!.GetValue<string>());
        }

        // Kubernetes hosting deletes pods it takes for dead silos: a gateway must never look like one.
        foreach (var workload in manifests.Workloads.Where(w => w != manifests.SiloDeployment))
        {
            Assert.DoesNotContain(PodLabels(workload).Keys, key => key.StartsWith("orleans/", StringComparison.Ordinal));
        }

        var service = manifests.Single("Service", "amas-gateway");
        Assert.True(Selects(JsonNode.Parse($"{{\"matchLabels\":{service["spec"]!["selector"]!.ToJsonString()}}}"), PodLabels(gateway)));
        var ingress = manifests.Single("Ingress", "amas-gateway");
        var paths = Objects(ingress["spec"]!["rules"]).SelectMany(r => Objects(r["http"]?["paths"])).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.Equal("amas-gateway", p["backend"]!["service"]!["name"]!.GetValue<string>()));
        // The dashboard shows grain state (admins only): it is never published through the ingress all the same.
        Assert.DoesNotContain(paths, p => p["path"]!.GetValue<string>() is "/" or "/dashboard");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Provider_keys_come_from_a_secret_and_each_one_is_optional(string overlay)
    {
        var container = Container((await Kustomize.RenderOverlayAsync(overlay)).SiloDeployment, "silo");
        foreach (var name in ProviderKeyVariables)
        {
            var reference = EnvVar(container, name)?["valueFrom"]?["secretKeyRef"];
            Assert.True(reference is not null, $"{name} is not taken from a Secret.");
            Assert.Equal("amas-provider-keys", reference!["name"]!.GetValue<string>());
            Assert.True(reference["optional"]?.GetValue<bool>() == true, $"{name} must be optional: a provider without a key is only 'unconfigured'.");
        }

        // No key is ever written into a manifest.
        Assert.DoesNotContain(Env(container), e => e["name"]!.GetValue<string>().EndsWith("_API_KEY", StringComparison.Ordinal) && e["value"] is not null);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_migration_Job_runs_silo_migrate_with_the_silo_image(string overlay)
    {
        var manifests = await Kustomize.RenderOverlayAsync(overlay);
        var job = manifests.Single("Job", "amas-migrate");
        var container = Assert.Single(Objects(PodSpec(job)["containers"]));
        Assert.Equal(new[] { "migrate" }, StringList(container["args"]));
        Assert.Equal(Container(manifests.SiloDeployment, "silo")["image"]!.GetValue<string>(), container["image"]!.GetValue<string>());
        AssertFromSecret(container, "Amas__Postgres__ConnectionString");
        Assert.NotEqual("Always", PodSpec(job)["restartPolicy"]?.GetValue<string>());
    }

    [Fact]
    public async Task Dev_runs_Redis_and_PostgreSQL_itself_and_prod_uses_external_ones()
    {
        var dev = await Kustomize.RenderOverlayAsync("dev");
        var prod = await Kustomize.RenderOverlayAsync("prod");

        foreach (var name in new[] { "amas-redis", "amas-postgres" })
        {
            var statefulSet = dev.Single("StatefulSet", name);
            Assert.NotEmpty(Objects(statefulSet["spec"]!["volumeClaimTemplates"]));
            dev.Single("Service", name);
            Assert.Contains(dev.OfKind("NetworkPolicy"), p => Selects(p["spec"]!["podSelector"], PodLabels(statefulSet)));
        }

        // The gateways read API keys and write the audit log: PostgreSQL admits them.
        var postgresPolicy = dev.Single("NetworkPolicy", "amas-postgres");
        var sources = Objects(postgresPolicy["spec"]!["ingress"]).SelectMany(rule => Objects(rule["from"])).ToList();
        Assert.Contains(sources, source => Selects(source["podSelector"], PodLabels(dev.GatewayDeployment)));

        // The connection Secret is generated in dev and its reference follows the generated name.
        var devSecret = Assert.Single(dev.OfKind("Secret"), s => Name(s).StartsWith("amas-connections", StringComparison.Ordinal));
        var reference = EnvVar(Container(dev.SiloDeployment, "silo"), "Amas__Redis__ConnectionString")!["valueFrom"]!["secretKeyRef"]!;
        Assert.Equal(Name(devSecret), reference["name"]!.GetValue<string>());

        Assert.Empty(prod.OfKind("StatefulSet"));
        Assert.Empty(prod.OfKind("Secret")); // created outside git (docs/deploy.md)
        var prodReference = EnvVar(Container(prod.SiloDeployment, "silo"), "Amas__Postgres__ConnectionString")!["valueFrom"]!["secretKeyRef"]!;
        Assert.Equal("amas-connections", prodReference["name"]!.GetValue<string>());
    }

    private static void AssertFieldRef(JsonObject container, string name, string fieldPath)
        => Assert.Equal(fieldPath, EnvVar(container, name)?["valueFrom"]?["fieldRef"]?["fieldPath"]?.GetValue<string>());

    private static void AssertFromSecret(JsonObject container, string name)
    {
        var variable = EnvVar(container, name);
        Assert.True(variable?["valueFrom"]?["secretKeyRef"]?["name"] is not null, $"{name} must come from a Secret.");
        Assert.True(variable!["valueFrom"]!["secretKeyRef"]!["optional"]?.GetValue<bool>() != true, $"{name} is required, not optional.");
    }

    /// <summary>An env var's value as the pod sees it: a literal, a pod label through the downward API, or $(VAR).</summary>
    private static string? Resolve(JsonObject workload, JsonObject container, string name)
    {
        var variable = EnvVar(container, name);
        if (variable?["value"]?.GetValue<string>() is { } value)
        {
            var reference = EnvReference().Match(value);
            return reference.Success && reference.Value == value ? Resolve(workload, container, reference.Groups[1].Value) : value;
        }

        var fieldPath = variable?["valueFrom"]?["fieldRef"]?["fieldPath"]?.GetValue<string>();
        var label = fieldPath is null ? null : LabelFieldPath().Match(fieldPath);
        return label is { Success: true } ? PodLabels(workload).GetValueOrDefault(label.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"^metadata\.labels\['([^']+)'\]$")]
    private static partial Regex LabelFieldPath();

    private static long PortNumber(JsonObject container, JsonNode port)
    {
        if (port is JsonValue value && value.TryGetValue<long>(out var number))
        {
            return number;
        }

        var name = port.GetValue<string>();
        return Objects(container["ports"]).Single(p => p["name"]?.GetValue<string>() == name)["containerPort"]!.GetValue<long>();
    }
}
