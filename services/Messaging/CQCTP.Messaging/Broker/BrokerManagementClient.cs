using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CQCTP.Messaging.Broker;

/// <summary>
/// The few calls of RabbitMQ's management HTTP API that user provisioning needs, on the vhost <c>/</c>. Creating or
/// deleting a user needs the RabbitMQ tag <c>administrator</c> on the calling account.
/// </summary>
public sealed class BrokerManagementClient(HttpClient http) : IDisposable
{
    private const string Vhost = "%2F";

    /// <summary>A client of <paramref name="managementUrl"/> (<c>http://host:15672</c>) with basic authentication.</summary>
    public static BrokerManagementClient Create(Uri managementUrl, string user, string password)
    {
        var http = new HttpClient { BaseAddress = managementUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return new BrokerManagementClient(http);
    }

    /// <summary>Creates or updates a user with a password the broker hashes itself.</summary>
    public Task PutUserWithPasswordAsync(string name, string password, string tags, CancellationToken cancellationToken) =>
        PutAsync($"api/users/{Escape(name)}", new UserBody(tags) { Password = password }, cancellationToken);

    /// <summary>RabbitMQ's default password hashing: base64 of a 4-byte salt and SHA-256(salt + password).</summary>
    public const string HashingAlgorithm = "rabbit_password_hashing_sha256";

    /// <summary>Creates or updates a user with a <see cref="HashingAlgorithm"/> hash: the broker never sees the password.</summary>
    public Task PutUserWithHashAsync(string name, string passwordHash, string tags, CancellationToken cancellationToken) =>
        PutAsync($"api/users/{Escape(name)}",
            new UserBody(tags) { PasswordHash = passwordHash, HashingAlgorithm = BrokerManagementClient.HashingAlgorithm },
            cancellationToken);

    public Task PutPermissionsAsync(string user, BrokerPermissions permissions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        return PutAsync($"api/permissions/{Vhost}/{Escape(user)}",
            new PermissionsBody(permissions.Configure, permissions.Write, permissions.Read), cancellationToken);
    }

    /// <summary>Every user's name and tags.</summary>
    public async Task<IReadOnlyList<BrokerUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        var users = await http.GetFromJsonAsync<List<UserEntry>>("api/users", cancellationToken) ?? [];
        return [.. users.Select(u => new BrokerUser(u.Name, ParseTags(u.Tags)))];
    }

    /// <summary>The user, or null when it does not exist.</summary>
    public async Task<BrokerUser?> GetUserAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/users/{Escape(name)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var user = await response.Content.ReadFromJsonAsync<UserEntry>(cancellationToken)
            ?? throw new InvalidOperationException("The broker answered an empty user.");
        return new BrokerUser(user.Name, ParseTags(user.Tags));
    }

    /// <summary>Deletes a user (missing is fine). Its open connections stay open: see <see cref="CloseConnectionsAsync"/>.</summary>
    public Task DeleteUserAsync(string name, CancellationToken cancellationToken) =>
        DeleteAsync($"api/users/{Escape(name)}", null, cancellationToken);

    /// <summary>Closes every open connection of <paramref name="user"/>, telling the client why.</summary>
    public Task CloseConnectionsAsync(string user, string reason, CancellationToken cancellationToken) =>
        DeleteAsync($"api/connections/username/{Escape(user)}", reason, cancellationToken);

    public void Dispose() => http.Dispose();

    private async Task PutAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync(path, body, cancellationToken);
        await EnsureSuccessStatusCodeAsync(response, cancellationToken);
    }

    private async Task DeleteAsync(string path, string? reason, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        if (reason is not null)
        {
            request.Headers.Add("X-Reason", reason);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessStatusCodeAsync(response, cancellationToken);
        }
    }

    private static async Task EnsureSuccessStatusCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"The broker's management API answered {(int)response.StatusCode} to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {body}",
                null, response.StatusCode);
        }
    }

    private static string Escape(string name) => Uri.EscapeDataString(name);

    // RabbitMQ 3.10 answers tags as a list; older versions as a comma-separated string.
    private static IReadOnlyList<string> ParseTags(JsonElement tags) => tags.ValueKind switch
    {
        JsonValueKind.Array => [.. tags.EnumerateArray().Select(t => t.GetString() ?? "")],
        JsonValueKind.String => [.. (tags.GetString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        _ => [],
    };

    private sealed record UserBody([property: JsonPropertyName("tags")] string Tags)
    {
        [JsonPropertyName("password")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Password { get; init; }

        [JsonPropertyName("password_hash")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? PasswordHash { get; init; }

        [JsonPropertyName("hashing_algorithm")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? HashingAlgorithm { get; init; }
    }

    private sealed record PermissionsBody(
        [property: JsonPropertyName("configure")] string Configure,
        [property: JsonPropertyName("write")] string Write,
        [property: JsonPropertyName("read")] string Read);

    private sealed record UserEntry(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("tags")] JsonElement Tags);
}
