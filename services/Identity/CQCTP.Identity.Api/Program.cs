using CQCTP.Identity.Api.Endpoints;
using CQCTP.Identity.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpConventions();
app.MapDefaultEndpoints();
app.MapApiDocumentation(IdentityApi.Service);
app.MapTokenEndpoint();
app.MapClientsEndpoints();

app.Run();
