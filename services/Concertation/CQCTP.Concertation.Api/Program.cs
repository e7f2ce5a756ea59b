using CQCTP.ApiConventions;
using CQCTP.Concertation.Api.Endpoints;
using CQCTP.Concertation.Api.Extensions;
using CQCTP.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpConventions();
app.MapPlatformEndpoints(ConcertationApi.Service);
app.MapMemberOrganizationsEndpoints();

app.Run();
