using CQCTP.ApiConventions;
using CQCTP.Identity.Api.Endpoints;
using CQCTP.Identity.Api.Extensions;
using CQCTP.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpConventions();
app.MapPlatformEndpoints(IdentityApi.Service);
app.MapTokenEndpoint();
app.MapClientsEndpoints();

app.Run();
