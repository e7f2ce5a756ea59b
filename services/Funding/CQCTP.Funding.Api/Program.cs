using CQCTP.Funding.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpConventions();
app.MapDefaultEndpoints();
app.MapApiDocumentation(FundingApi.Service);

app.Run();
