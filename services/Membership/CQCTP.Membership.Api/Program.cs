using CQCTP.ApiConventions;
using CQCTP.Membership.Api.Endpoints;
using CQCTP.Membership.Api.Extensions;
using CQCTP.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseHttpConventions();
app.MapPlatformEndpoints(MembershipApi.Service);
app.MapOrganizationsEndpoints();
app.MapServicesEndpoints();
app.MapServiceCategoriesEndpoints();
app.MapDirectoryEndpoints();
app.MapPrivacyOfficerEndpoints();
app.MapPublishedContactsEndpoints();

app.Run();
