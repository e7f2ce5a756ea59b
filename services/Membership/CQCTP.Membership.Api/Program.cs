using CQCTP.Membership.Api.Endpoints;
using CQCTP.Membership.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpConventions();
app.MapDefaultEndpoints();
app.MapApiDocumentation(MembershipApi.Service);
app.MapOrganizationsEndpoints();

app.Run();
