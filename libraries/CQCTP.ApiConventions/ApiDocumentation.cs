using CQCTP.ApiConventions.Http;
using CQCTP.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace CQCTP.ApiConventions;

public static class ApiDocumentation
{
    private const string SecuritySchemeName = "oauth2";

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
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "OAuth 2.0 client credentials; see docs/security.md.",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri("/connect/token", UriKind.Relative),
                            Scopes = Scopes.All.Where(s => s.StartsWith(service + ".", StringComparison.Ordinal))
                                .ToDictionary(s => s, s => s),
                        },
                    },
                };
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

                var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
                if (policies.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any() && context.Document is { } document)
                {
                    operation.Security =
                    [
                        new OpenApiSecurityRequirement
                        {
                            [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] =
                                [.. policies.Where(Scopes.All.Contains)],
                        },
                    ];
                    AddResponse(operation, "401", "Unauthorized");
                    AddResponse(operation, "403", "Forbidden");
                }

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
