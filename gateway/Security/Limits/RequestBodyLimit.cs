using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Gateway.Security.Limits;

/// <summary>
/// Caps every request body at <see cref="RequestLimitSettings.MaxBodyBytes"/> (an endpoint that needs more, such as an
/// upload, declares its own limit with <see cref="IRequestSizeLimitMetadata"/>). A declared length over the cap is
/// refused before anything is read; a chunked body is cut off by Kestrel when it passes the cap. Either way the
/// answer is a 413 problem.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IOptions<RequestLimitSettings> settings)
{
    public Task InvokeAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? settings.Value.MaxBodyBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (http.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException($"The request body is {http.Request.ContentLength} bytes; at most {limit} are accepted.", StatusCodes.Status413PayloadTooLarge);
        }

        return next(http);
    }
}
