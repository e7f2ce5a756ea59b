using CQCTP.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

public static class ApiDocumentationExtensions
{
    /// <summary>The service's OpenAPI document, with the platform's headers described on the operations that use them.</summary>
    public static IHostApplicationBuilder AddApiDocumentation(this IHostApplicationBuilder builder, string service,
        string title)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = title,
                    Version = "v1",
                    Description = $"CQCTP — {service}. Messages en français par défaut; `Accept-Language: en` pour l'anglais.",
                };
                // Paths carry the full /api/v1/<service> prefix, so the document is valid wherever it is served from
                // (directly or through the gateway): no absolute server URL.
                document.Servers = [new OpenApiServer { Url = "/" }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                operation.Parameters ??= [];
                if (metadata.OfType<RequiresIfMatchMetadata>().Any())
                {
                    operation.Parameters.Add(Header("If-Match", required: true,
                        "ETag de la dernière lecture / ETag from your last read."));
                    AddResponse(operation, "412", "Precondition Failed");
                    AddResponse(operation, "428", "Precondition Required");
                }

                if (metadata.OfType<IdempotentMetadata>().Any())
                {
                    operation.Parameters.Add(Header(Idempotency.HeaderName, required: false,
                        "Clé unique par tentative de création / unique key per creation attempt."));
                }

                operation.Parameters.Add(Header("Accept-Language", required: false, "fr (défaut / default) | en"));
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapApiDocumentation(this WebApplication app, string service)
    {
        app.MapOpenApi($"/api/v1/{service}/openapi/{{documentName}}.json").AllowAnonymous();
        return app;
    }

    private static OpenApiParameter Header(string name, bool required, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = required,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static void AddResponse(OpenApiOperation operation, string status, string description)
    {
        operation.Responses ??= [];
        operation.Responses.TryAdd(status, new OpenApiResponse { Description = description });
    }
}
