using CQCTP.ApiConventions;
using CQCTP.Knowledge.Api.Extensions;
using CQCTP.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpConventions();
app.MapPlatformEndpoints(KnowledgeApi.Service);

app.Run();
