using CQCTP.ApiConventions;
using CQCTP.Integrations.Api.Endpoints;
using CQCTP.Integrations.Api.Extensions;
using CQCTP.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpConventions();
app.MapPlatformEndpoints(IntegrationsApi.Service);
app.MapCatalogueEndpoints();
app.MapWebhooksEndpoints();

app.Run();
