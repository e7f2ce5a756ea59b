using CQCTP.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
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
app.MapApiReference();
app.MapGatewayProxy();

app.Run();
