using CQCTP.Concertation.Api.Endpoints;
using CQCTP.Concertation.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpConventions();
app.MapDefaultEndpoints();
app.MapApiDocumentation(ConcertationApi.Service);
app.MapMemberOrganizationsEndpoints();

app.Run();
