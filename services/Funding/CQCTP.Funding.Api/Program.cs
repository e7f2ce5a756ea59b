using CQCTP.ApiConventions;
using CQCTP.Funding.Api.Extensions;
using CQCTP.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpConventions();
app.MapPlatformEndpoints(FundingApi.Service);

app.Run();
