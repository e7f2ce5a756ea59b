using System.Linq.Expressions;
using System.Security.Claims;

namespace CQCTP.Security;

/// <summary>
/// The portal rule, once for every resource: a caller holding the "every organization" scope sees everything; a
/// portal sees only what belongs to its own organization; anything else sees nothing. Another organization's row
/// answers 404, exactly like one that does not exist, so a portal learns nothing about it.
/// </summary>
public static class OrganizationAccess
{
    /// <summary>
    /// The only organization the caller may reach without <paramref name="everyOrganizationScope"/>: a portal's own,
    /// or <see cref="Guid.Empty"/> (none) if the token names no organization. Null when the caller may reach them all.
    /// </summary>
    public static Guid? OnlyOwnOrganization(this ClaimsPrincipal user, string everyOrganizationScope)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasScope(everyOrganizationScope) ? null : user.OrganizationId() ?? Guid.Empty;
    }

    /// <summary>Whether the caller may reach something that belongs to <paramref name="organizationId"/>.</summary>
    public static bool MayAccessOrganization(this ClaimsPrincipal user, string everyOrganizationScope, Guid organizationId) =>
        user.OnlyOwnOrganization(everyOrganizationScope) is not { } own || own == organizationId;

    /// <summary>
    /// Narrows <paramref name="query"/> to the rows the caller may reach; <paramref name="organizationOf"/> says which
    /// organization a row belongs to (<c>o =&gt; o.Id</c>, <c>d =&gt; d.OrganizationId</c>).
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, ClaimsPrincipal user, string everyOrganizationScope,
        Expression<Func<T, Guid>> organizationOf)
    {
        ArgumentNullException.ThrowIfNull(organizationOf);
        if (user.OnlyOwnOrganization(everyOrganizationScope) is not { } own)
        {
            return query;
        }

        // A member access on a captured value, not a constant, so the database sees a parameter and reuses its plan.
        var captured = Expression.Property(Expression.Constant(new Captured(own)), nameof(Captured.Value));
        var filter = Expression.Lambda<Func<T, bool>>(Expression.Equal(organizationOf.Body, captured),
            organizationOf.Parameters);
        return query.Where(filter);
    }

    private sealed record Captured(Guid Value);
}
