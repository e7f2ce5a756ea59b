using Microsoft.AspNetCore.Authorization;

namespace CQCTP.Security;

/// <summary>
/// Any one of <see cref="AnyOf"/> in the token. A requirement that handles itself (ASP.NET Core's pass-through handler
/// runs it), kept as data so the endpoint-policy report can say which scopes each route accepts.
/// </summary>
public sealed class ScopeRequirement(IReadOnlyList<string> anyOf)
    : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public IReadOnlyList<string> AnyOf { get; } = anyOf;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (requirement.AnyOf.Any(scope => context.User.HasScope(scope)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
