using CQCTP.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseHttpConventions();
app.UseRequestTimeouts();
app.MapDefaultEndpoints();
app.MapApiReference();
app.MapGatewayProxy();

app.Run();
