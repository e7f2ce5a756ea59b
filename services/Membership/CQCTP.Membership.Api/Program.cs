using CQCTP.ApiConventions;
using CQCTP.Membership.Api.Endpoints;
using CQCTP.Membership.Api.Extensions;
using CQCTP.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// Before the conventions: anonymous idempotency keys are scoped by the caller's address, the gateway's forwarded one.
app.UseForwardedHeaders();
app.UseHttpConventions();
// After localization (the directory's cached answers vary by the caller's language) and authentication.
app.UseOutputCache();
app.MapPlatformEndpoints(MembershipApi.Service);
app.MapOrganizationsEndpoints();
app.MapDelegatesEndpoints();
app.MapMembersDirectoryEndpoints();
app.MapCommitteesEndpoints();
app.MapMembershipLifecycleEndpoints();
app.MapApplicationsEndpoints();
app.MapServicesEndpoints();
app.MapServiceCategoriesEndpoints();
app.MapDirectoryEndpoints();
app.MapPrivacyOfficerEndpoints();
app.MapPublishedContactsEndpoints();
app.MapDuesEndpoints();
app.MapAssembliesEndpoints();

app.Run();
