using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using CQCTP.ApiConventions.Http;
using CQCTP.ApiConventions.Problems;
using CQCTP.ApiConventions.Validation;
using CQCTP.Membership.Api.Data;
using CQCTP.Membership.Api.Domain;
using CQCTP.Membership.Api.Extensions;
using CQCTP.Messaging.Outbox;
using CQCTP.Primitives;
using CQCTP.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CQCTP.Membership.Api.Endpoints;

public static partial class OrganizationsEndpoints
{
    public const string Prefix = "/api/v1/membership/organizations";

    /// <summary>The <c>rule</c> of the 422 a portal gets when it tries to change its legal name.</summary>
    public const string LegalNameByStaff = "legal-name-by-staff";

    private static readonly Localized LegalNameByStaffMessage = new(
        "Seule l'équipe de la coalition peut modifier le nom légal; écrivez-lui pour le faire.",
        "Only the coalition's staff can change the legal name; write to them to have it changed.");

    private static readonly Localized DuplicateName = new(
        "Une organisation porte déjà ce nom légal.", "An organization with this legal name already exists.");

    public static IEndpointRouteBuilder MapOrganizationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup(Prefix, "Organizations");
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", Create).WithName("CreateOrganization").WithIdempotency()
            .RequireAuthorization(Scopes.MembershipWrite)
            .WithSummary("Inscrire une organisation / Register an organization");
        group.MapGet("/", List).WithName("ListOrganizations").RequireAuthorization(MembershipApi.ReadOrganizations)
            .WithSummary("Lister les organisations / List organizations");
        group.MapGet("/{id:guid}", Get).WithName("GetOrganization").RequireAuthorization(MembershipApi.ReadOrganizations)
            .WithSummary("Lire une organisation / Read an organization");
        group.MapPut("/{id:guid}", Replace).WithName("ReplaceOrganization").RequireIfMatch()
            .RequireAuthorization(MembershipApi.UpdateOrganizations)
            .WithSummary("Remplacer les coordonnées / Replace the details");
        group.MapPatch("/{id:guid}", Patch).WithName("PatchOrganization").RequireIfMatch().AcceptsMergePatch()
            .RequireAuthorization(MembershipApi.UpdateOrganizations)
            .WithSummary("Modifier en partie (merge patch) / Partial update (merge patch)");

        return endpoints;
    }

    public static async Task<Results<Created<OrganizationResponse>, ProblemHttpResult>> Create(
        OrganizationRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (OrganizationRules.Check(request) is { Count: > 0 } errors)
        {
            return ApiProblems.Validation(errors);
        }

        if (await GuardDescriptionAsync(request, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await NameTakenAsync(db, request.LegalName, exceptId: null, cancellationToken))
        {
            return DuplicateProblem();
        }

        var organization = Organization.Register(request.ToDetails(), clock.GetUtcNow());
        db.Organizations.Add(organization);
        outbox.Add(OrganizationEvents.Registered(organization));
        await db.SaveChangesAsync(cancellationToken);

        response.SetETag(organization);
        return TypedResults.Created($"{Prefix}/{organization.Id}", OrganizationResponse.From(organization, maySeeAddress: true));
    }

    public static async Task<Results<Ok<Paged<OrganizationSummary>>, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, MembershipDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken,
        [FromQuery] string? search = null, [FromQuery] string? status = null, [FromQuery] string? type = null,
        [FromQuery] string? membershipType = null, [FromQuery] string? region = null)
    {
        if (!QueryFilter.TryParse<MembershipStatus>(status, nameof(status), out var statusFilter, out var errors)
            || !QueryFilter.TryParse<OrganizationType>(type, nameof(type), out var typeFilter, out errors)
            || !QueryFilter.TryParse<MembershipType>(membershipType, nameof(membershipType), out var membershipTypeFilter, out errors))
        {
            return ApiProblems.Validation(errors);
        }

        if (region is not null && !RegionPattern().IsMatch(region))
        {
            return ApiProblems.Validation(new Dictionary<string, FieldError[]>
            {
                [nameof(region)] = [ValidationMessages.Error(ValidationMessages.InvalidFormat)],
            });
        }

        var query = db.Organizations.AsNoTracking().VisibleTo(user, Scopes.MembershipRead, o => o.Id);
        if (statusFilter is { } wantedStatus)
        {
            query = query.Where(o => o.Status == wantedStatus);
        }

        if (typeFilter is { } wantedType)
        {
            query = query.Where(o => o.Type == wantedType);
        }

        if (membershipTypeFilter is { } wantedMembership)
        {
            query = query.Where(o => o.MembershipType == wantedMembership);
        }

        // A region filter finds who serves it, the head office's region included.
        if (region is not null)
        {
            query = query.Where(o => o.RegionCode == region || o.RegionsServed.Contains(region));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{Organization.Normalize(search).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(o => EF.Functions.Like(o.NormalizedLegalName, pattern));
        }

        var result = await query
            .OrderBy(o => o.LegalName).ThenBy(o => o.Id)
            .Select(o => new OrganizationSummary(o.Id, o.LegalName, o.CommonName, o.Type, o.RegionCode, o.Status,
                o.MembershipType))
            .ToPagedAsync(page, cancellationToken);
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<OrganizationResponse>, StatusCodeHttpResult, ProblemHttpResult>> Get(
        Guid id, MembershipDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null || !context.User.MayAccessOrganization(Scopes.MembershipRead, id))
        {
            return ApiProblems.NotFound();
        }

        if (Preconditions.CheckIfNoneMatch(context, organization) is { } notModified)
        {
            return notModified;
        }

        return TypedResults.Ok(OrganizationResponse.From(organization, context.User.MaySeeAddressOf(id)));
    }

    public static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> Replace(
        Guid id, OrganizationRequest request, MembershipDbContext db, IOutbox outbox, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null || !context.User.MayAccessOrganization(Scopes.MembershipWrite, id))
        {
            return ApiProblems.NotFound();
        }

        return await ApplyAsync(organization, request, db, outbox, clock, context, cancellationToken);
    }

    public static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> Patch(
        Guid id, JsonElement patch, MembershipDbContext db, IOutbox outbox, TimeProvider clock, HttpContext context,
        CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null || !context.User.MayAccessOrganization(Scopes.MembershipWrite, id))
        {
            return ApiProblems.NotFound();
        }

        if (MergePatch.TryApply(OrganizationRequest.From(organization), patch, out var request) is { } invalid)
        {
            return invalid;
        }

        return await ApplyAsync(organization, request, db, outbox, clock, context, cancellationToken);
    }

    private static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> ApplyAsync(
        Organization organization, OrganizationRequest request, MembershipDbContext db, IOutbox outbox,
        TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        // The row version we compare is the one EF will check on save, so a change committed in between is a 412 too.
        if (Preconditions.CheckIfMatch(context.Request, organization) is { } stale)
        {
            return stale;
        }

        if (OrganizationRules.Check(request) is { Count: > 0 } errors)
        {
            return ApiProblems.Validation(errors);
        }

        if (await GuardDescriptionAsync(request, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        // The legal name is what the membership, its dues and its votes are recorded under: staff change it, after
        // checking the enterprise register. Refusing before the uniqueness check also keeps a portal from learning
        // which names exist.
        if (!context.User.HasScope(Scopes.MembershipWrite)
            && !string.Equals(request.LegalName.Trim(), organization.LegalName, StringComparison.Ordinal))
        {
            return ApiProblems.Rule(LegalNameByStaff, LegalNameByStaffMessage);
        }

        if (await NameTakenAsync(db, request.LegalName, organization.Id, cancellationToken))
        {
            return DuplicateProblem();
        }

        organization.Update(request.ToDetails(), clock.GetUtcNow());
        outbox.Add(OrganizationEvents.ProfileUpdated(organization));
        await db.SaveChangesAsync(cancellationToken);

        context.Response.SetETag(organization);
        return TypedResults.Ok(OrganizationResponse.From(organization, context.User.MaySeeAddressOf(organization.Id)));
    }

    internal static ProblemHttpResult DuplicateProblem() =>
        ApiProblems.Result(ProblemCatalog.Duplicate, DuplicateName.Current);

    /// <summary>
    /// A description speaks of the organization; it must never carry a person's identifier. It may print the
    /// organization's own public email and the published contacts (help lines) staff list.
    /// </summary>
    private static async Task<ProblemHttpResult?> GuardDescriptionAsync(OrganizationRequest request,
        MembershipDbContext db, CancellationToken cancellationToken)
    {
        if (request.Description is null)
        {
            return null;
        }

        var allowed = await ContactAllowlist.ForOrganizationAsync(db, request.PublicEmail, request.PublicPhone, cancellationToken);
        return IdentifierGuard.Check(allowed,
            ("description.fr", request.Description.Fr), ("description.en", request.Description.En));
    }

    internal static Task<bool> NameTakenAsync(MembershipDbContext db, string legalName, Guid? exceptId,
        CancellationToken cancellationToken)
    {
        var normalized = Organization.Normalize(legalName);
        return db.Organizations.AnyAsync(o => o.NormalizedLegalName == normalized && o.Id != exceptId, cancellationToken);
    }

    [GeneratedRegex(OrganizationRequest.RegionPattern)]
    private static partial Regex RegionPattern();
}
