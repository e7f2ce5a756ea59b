using CQCTP.ApiConventions;
using CQCTP.ApiConventions.Http;
using CQCTP.Identity.Api.Endpoints;
using CQCTP.Identity.Api.Extensions;
using CQCTP.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// UseHttpConventions, spelled out: the caller's address comes first, and the token endpoint's limits must run
// before authentication, where OpenIddict checks the client's secret.
app.UseForwardedHeaders();
app.UseProblemConventions();
app.UseTokenRateLimits();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotency();
app.MapPlatformEndpoints(IdentityApi.Service);
app.MapTokenEndpoint();
app.MapClientsEndpoints();

app.Run();
