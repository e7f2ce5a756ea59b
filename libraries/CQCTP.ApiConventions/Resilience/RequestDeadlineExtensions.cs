using Microsoft.AspNetCore.Builder;

namespace CQCTP.ApiConventions.Resilience;

public static class RequestDeadlineExtensions
{
    /// <summary>Requests without an answer after <paramref name="timeout"/> get 503 <c>service-unavailable</c> at once.</summary>
    public static IApplicationBuilder UseRequestDeadline(this IApplicationBuilder app, TimeSpan timeout) =>
        app.UseMiddleware<RequestDeadline>(timeout);
}
