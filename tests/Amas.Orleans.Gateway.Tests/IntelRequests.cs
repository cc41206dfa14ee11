using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amas.Orleans.Gateway.Api;
using Amas.Orleans.Tasks;
using Amas.Orleans.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace Amas.Orleans.Gateway.Tests;

/// <summary>Submitting osint and forensics tasks as a client would, and looking behind the API for what must not exist.</summary>
internal static class IntelRequests
{
    public static string Osint(IEnumerable<string> urls, IEnumerable<string>? keywords = null, int depth = 0) => JsonSerializer.Serialize(new
    {
        kind = "osint",
        options = new { urls, keywords = keywords ?? [], depth },
    });

    public static string Forensics(string? filePath = null) => filePath is null
        ? """{"kind":"forensics"}"""
        : JsonSerializer.Serialize(new { kind = "forensics", options = new { file_path = filePath } });

    /// <summary><c>curl -F task=… -F file=@name</c>: the parts in that order, either left out when null.</summary>
    public static Task<HttpResponseMessage> PostUploadAsync(this HttpClient http, string? task, byte[]? file, string fileName, string? idempotencyKey = null)
    {
        var form = new MultipartFormDataContent();
        if (task is not null)
        {
            form.Add(new StringContent(task, Encoding.UTF8, "application/json"), TaskUploadSubmission.TaskPart);
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, TaskUploadSubmission.FilePart, fileName);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks") { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(TaskSubmission.IdempotencyHeader, idempotencyKey);
        }

        return http.SendAsync(request);
    }

    public static async Task<string> SubmittedIdAsync(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync()).GetProperty("task_id").GetString()!;
    }

    public static async Task<JsonElement> SucceededResultAsync(this HttpClient http, string id)
    {
        var status = await http.WaitUntilEndedAsync(id);
        Assert.True(status.GetProperty("lifecycle").GetString() == "succeeded", status.ToString());
        return await http.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}/result");
    }

    public static string[] Fact(this JsonElement result, string name)
        => [.. result.GetProperty("facts").GetProperty(name).EnumerateArray().Select(v => v.GetString()!)];

    /// <summary>The task a submission with this key would have created, as the gateway derives it.</summary>
    public static Guid TaskIdFor(string key, string caller = Callers.Anonymous) => TaskIds.FromIdempotencyKey(caller, key);

    /// <summary>The upload a multipart submission with this key would have stored.</summary>
    public static Guid UploadIdFor(string key, string caller = Callers.Anonymous) => TaskIds.FromIdempotencyKey(caller, "upload\n" + key);

    public static Task<UploadedFile?> StoredUploadAsync(this EmbeddedGateway gateway, Guid uploadId)
        => gateway.Services.GetRequiredService<IUploadStore>().FindAsync(uploadId, CancellationToken.None);

    public static Task<TaskSnapshot?> TaskAsync(this EmbeddedGateway gateway, Guid taskId)
        => gateway.Services.GetRequiredService<IClusterClient>().GetGrain<ITaskOrchestratorGrain>(taskId).GetStatusAsync();
}
