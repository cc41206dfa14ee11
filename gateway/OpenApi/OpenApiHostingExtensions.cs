namespace Amas.Orleans.Gateway.OpenApi;

public static class OpenApiHostingExtensions
{
    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: every API endpoint with schemas, examples and problems.</summary>
    public static IServiceCollection AddAmasOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<AmasDocumentTransformer>();
            options.AddOperationTransformer<AmasOperationTransformer>();
        });
        return services;
    }
}
