using CQCTP.ApiConventions;
using CQCTP.Gateway;
using CQCTP.Security;
using CQCTP.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddHttpConventions();
builder.AddGateway();
builder.AddGatewaySecurity();
builder.AddTrustedProxies();

var app = builder.Build();

// First, so every limit counts the caller a trusted proxy names, and nobody else can name one.
app.UseForwardedHeaders();
app.UseProblemConventions();
app.UseCors();
// Before authentication, so callers without a valid token are counted too.
app.UsePerIpLimit();
app.UseAuthentication();
app.UseAuthorization();
// After authorization, so requests are counted per client, not only per IP.
app.UseRateLimiter();
app.UseRequestTimeouts();
// Probes get their own budget, so a caller spending the anonymous one cannot make the gateway look unhealthy.
var probes = app.MapGroup("").RequireRateLimiting(GatewaySecurity.ProbeLimit);
probes.MapDefaultEndpoints();
if (app.Environment.IsEnvironment(PlatformEnvironments.Testing))
{
    probes.MapEndpointPolicyReport();
}

app.MapApiReference();
app.MapGatewayProxy();

app.Run();
