namespace Amas.Orleans.Providers.Configuration;

/// <summary>
/// The fifteen deployments of design §4 with their public endpoints. All speak OpenAI chat completions (GLM under
/// <c>/api/paas/v4</c>, Gemini under <c>/v1beta/openai</c>, Cohere through its compatibility API); the second Gemini
/// and Groq deployments exist to spread load over a second account, so they read their own key variable.
/// </summary>
public static class BuiltInProviders
{
    public static readonly IReadOnlyList<ProviderDefaults> All =
    [
        new("deepseek", "DeepSeek", "https://api.deepseek.com/v1", "deepseek-chat", 1, "DEEPSEEK_API_KEY"),
        new("glm", "Zhipu GLM", "https://open.bigmodel.cn/api/paas/v4", "glm-4.5-flash", 2, "GLM_API_KEY"),
        new("grok", "xAI Grok", "https://api.x.ai/v1", "grok-3-mini", 3, "GROK_API_KEY"),
        new("kimi", "Moonshot Kimi", "https://api.moonshot.ai/v1", "kimi-k2-turbo-preview", 4, "KIMI_API_KEY"),
        new("qwen", "Alibaba Qwen", "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", "qwen-plus", 5, "QWEN_API_KEY"),
        new("gptoss", "GPT-OSS (OpenRouter)", "https://openrouter.ai/api/v1", "openai/gpt-oss-120b", 6, "GPTOSS_API_KEY"),
        new("groq", "Groq", "https://api.groq.com/openai/v1", "llama-3.3-70b-versatile", 7, "GROQ_API_KEY", Adapter: "groq"),
        new("cerebras", "Cerebras", "https://api.cerebras.ai/v1", "llama-3.3-70b", 8, "CEREBRAS_API_KEY"),
        new("gemini", "Google Gemini", "https://generativelanguage.googleapis.com/v1beta/openai", "gemini-2.5-flash", 9, "GEMINI_API_KEY", Adapter: "gemini"),
        new("codestral", "Mistral Codestral", "https://codestral.mistral.ai/v1", "codestral-latest", 10, "CODESTRAL_API_KEY"),
        new("nvidia", "NVIDIA NIM", "https://integrate.api.nvidia.com/v1", "meta/llama-3.3-70b-instruct", 11, "NVIDIA_API_KEY"),
        new("gemini2", "Google Gemini (second key)", "https://generativelanguage.googleapis.com/v1beta/openai", "gemini-2.0-flash", 12, "GEMINI2_API_KEY", Adapter: "gemini"),
        new("groq2", "Groq (second key)", "https://api.groq.com/openai/v1", "openai/gpt-oss-20b", 13, "GROQ2_API_KEY", Adapter: "groq"),
        new("cohere", "Cohere", "https://api.cohere.ai/compatibility/v1", "command-a-03-2025", 14, "COHERE_API_KEY", Adapter: "cohere"),
        new("chutes", "Chutes", "https://llm.chutes.ai/v1", "deepseek-ai/DeepSeek-V3-0324", 15, "CHUTES_API_KEY"),
    ];

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static bool IsBuiltIn(string id) => All.Any(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A built-in deployment's defaults; configuration overrides any of them.</summary>
public sealed record ProviderDefaults(
    string Id, string Name, string BaseUrl, string Model, int Priority, string ApiKeyVariable, string Adapter = "openai");
