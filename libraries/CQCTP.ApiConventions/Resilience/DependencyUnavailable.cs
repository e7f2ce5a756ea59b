using Npgsql;

namespace CQCTP.ApiConventions.Resilience;

/// <summary>
/// A dependency that does not answer (database stopped, frozen or restarting): the caller gets a fast 503
/// <c>service-unavailable</c> with <c>Retry-After</c> and may try again, instead of waiting or seeing a 500.
/// </summary>
public static class DependencyUnavailable
{
    /// <summary>What a caller is told to wait before retrying: about as long as a database restart takes.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>True when the failure says the database could not be reached in time, not that the request was wrong.</summary>
    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // A server's answer is about the request (constraint, syntax), unless it says the server is going away.
                case PostgresException postgres:
                    return postgres.IsTransient;
                case NpgsqlException or TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
