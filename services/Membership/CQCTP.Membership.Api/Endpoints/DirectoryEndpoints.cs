using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.ApiConventions.Validation;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CQCTP.Membership.Api.Endpoints;

/// <summary>
/// The public service directory (trajectoire de services): active members' public services, anonymous. It shows
/// only what is public by nature (service, category, regions, languages, the organization's names, website and
/// public email), never a delegate, a private service or a service of an organization that is not an active member.
/// </summary>
public static class DirectoryEndpoints
{
    public const string Prefix = "/api/v1/membership/directory";

    /// <summary>The output-cache policy of the directory's answers (see MembershipApi.AddDirectoryCache).</summary>
    public const string CachePolicy = "directory";

    public static IEndpointRouteBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Prefix, "Directory");

        group.MapGet("/", Search).WithName("SearchDirectory").AllowAnonymous().CacheOutput(CachePolicy)
            .WithSummary("Chercher dans le répertoire des services (public) / Search the service directory (public)");

        return endpoints;
    }

    public static async Task<Results<Ok<Paged<DirectoryEntry>>, ProblemHttpResult>> Search(
        [AsParameters] DirectoryQuery filter, [AsParameters] PageQuery page, MembershipDbContext db,
        IOptions<DirectorySettings> settings, HttpResponse response, CancellationToken cancellationToken)
    {
        // Services of active members only, from the copy of the organization's status on each service row
        // (Sql/DirectoryMemberSql.cs): the matches are chosen, counted and ordered on the services alone.
        var found = await DirectorySearch.FindAsync(db, filter, page, cancellationToken);

        // An unknown category finds nothing; only then is it worth a query to tell it from a known one without services.
        if (found.Total == 0 && filter.Category is { } code
            && !await db.ServiceCategories.AnyAsync(c => c.Code == code, cancellationToken))
        {
            return ApiProblems.Validation(new Dictionary<string, FieldError[]>
            {
                ["category"] = [ValidationMessages.Error(ValidationMessages.InvalidValue)],
            });
        }

        // Public data, the same for every caller: browsers and shared caches may keep it as long as this instance does.
        if (settings.Value.CacheSeconds > 0)
        {
            response.Headers.CacheControl = $"public, max-age={settings.Value.CacheSeconds}";
            response.Headers.Vary = HeaderNames.AcceptLanguage;
        }

        return TypedResults.Ok(new Paged<DirectoryEntry>([.. found.Items.Select(r => r.ToEntry())], found.Page,
            found.PageSize, found.Total));
    }
}
