using CQCTP.ApiConventions;
using CQCTP.Gateway;
using CQCTP.Security;
using CQCTP.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddHttpConventions();
builder.AddGateway();
builder.AddGatewaySecurity();

var app = builder.Build();

app.UseProblemConventions();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
// After authorization, so requests are counted per client, not only per IP.
app.UseRateLimiter();
app.UseRequestTimeouts();
app.MapDefaultEndpoints();
if (app.Environment.IsEnvironment(PlatformEnvironments.Testing))
{
    app.MapEndpointPolicyReport();
}

app.MapApiReference();
app.MapGatewayProxy();

app.Run();
