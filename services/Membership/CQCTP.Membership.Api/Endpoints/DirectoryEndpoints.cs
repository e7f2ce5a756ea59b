using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.ApiConventions.Validation;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Data.Sql;
using CQCTP.Membership.Api.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// The public service directory (trajectoire de services): active members' public services, anonymous. It shows
/// only what is public by nature (service, category, regions, languages, the organization's names, website and
/// public email), never a delegate, a private service or a service of an organization that is not an active member.
/// </summary>
public static class DirectoryEndpoints
{
    public const string Prefix = "/api/v1/membership/directory";

    public static IEndpointRouteBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Prefix, "Directory");

        group.MapGet("/", Search).WithName("SearchDirectory").AllowAnonymous()
            .WithSummary("Chercher dans le répertoire des services (public) / Search the service directory (public)");

        return endpoints;
    }

    public static async Task<Results<Ok<Paged<DirectoryEntry>>, ProblemHttpResult>> Search(
        [AsParameters] DirectoryQuery filter, [AsParameters] PageQuery page, MembershipDbContext db,
        CancellationToken cancellationToken)
    {
        if (filter.Category is { } code && !await db.ServiceCategories.AnyAsync(c => c.Code == code, cancellationToken))
        {
            return ApiProblems.Validation(new Dictionary<string, FieldError[]>
            {
                ["category"] = [ValidationMessages.Error(ValidationMessages.InvalidValue)],
            });
        }

        var services = db.Services.AsNoTracking().Where(s => s.IsPublic);
        if (filter.Region is { } region)
        {
            // Containment (@>) uses the GIN index on the regions; "= ANY" would not.
            var regions = new[] { region };
            services = services.Where(s => regions.All(r => s.RegionCodes.Contains(r)));
        }

        if (filter.Category is { } category)
        {
            services = services.Where(s => s.CategoryCode == category);
        }

        if (filter.Language is { } language)
        {
            services = services.Where(s => s.Languages.Contains(language));
        }

        services = filter.Focus switch
        {
            "sexualExploitation" => services.Where(s => s.AddressesSexualExploitation),
            "forcedLabour" => services.Where(s => s.AddressesForcedLabour),
            _ => services,
        };

        var rows =
            from s in services
            join o in db.Organizations.AsNoTracking() on s.OrganizationId equals o.Id
            join c in db.ServiceCategories.AsNoTracking() on s.CategoryCode equals c.Code
            where o.Status == MembershipStatus.Active
            select new { Service = s, Organization = o, Category = c };

        // With text: by rank (one GIN index answers it: the service's vector holds its organization's names too,
        // see DirectorySearchSql). Without: legal names carry the fr-CA ICU collation, "École" before "Zoé".
        var sorted = string.IsNullOrWhiteSpace(filter.Q)
            ? rows.OrderBy(r => r.Organization.LegalName)
            : rows
                .Where(r => EF.Property<NpgsqlTsVector>(r.Service, ServiceOfferingConfiguration.SearchVector)
                    .Matches(EF.Functions.WebSearchToTsQuery(DirectorySql.SearchConfiguration, filter.Q)))
                .OrderByDescending(r => EF.Property<NpgsqlTsVector>(r.Service, ServiceOfferingConfiguration.SearchVector)
                    .Rank(EF.Functions.WebSearchToTsQuery(DirectorySql.SearchConfiguration, filter.Q)))
                .ThenBy(r => r.Organization.LegalName);
        var ordered = sorted.ThenBy(r => r.Service.Name.Fr).ThenBy(r => r.Service.Id)
            .Select(r => new DirectoryRow(r.Service, r.Organization.Id, r.Organization.LegalName,
                r.Organization.CommonName, r.Organization.RegionCode, r.Organization.Website,
                r.Organization.PublicEmail, r.Organization.PublicPhone,
                // A withheld address never leaves the database.
                r.Organization.AddressIsPublic ? r.Organization.Address!.Street : null,
                r.Organization.AddressIsPublic ? r.Organization.Address!.City : null,
                r.Organization.AddressIsPublic ? r.Organization.Address!.PostalCode : null,
                r.Category.Label));

        var found = await ordered.ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(new Paged<DirectoryEntry>([.. found.Items.Select(r => r.ToEntry())], found.Page,
            found.PageSize, found.Total));
    }
}
