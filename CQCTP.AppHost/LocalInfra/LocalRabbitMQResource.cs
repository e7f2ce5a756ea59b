namespace CQCTP.AppHost.LocalInfra;

public sealed class LocalRabbitMQResource(string name, string command, string workingDirectory, string password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string UserName = "cqctp";

    internal string Password { get; } = password;

    /// <summary>The management plugin's UI and HTTP API (<c>/api/…</c>), with the same user.</summary>
    public const string ManagementEndpointName = "management";

    public EndpointReference Endpoint => new(this, "tcp");

    public EndpointReference ManagementEndpoint => new(this, ManagementEndpointName);

    public ReferenceExpression ConnectionStringExpression => ConnectionStringFor(UserName, Password);

    /// <summary>The same broker as another user (a service's own, created by the topology step).</summary>
    public ReferenceExpression ConnectionStringFor(string user, string password) => ReferenceExpression.Create(
        $"amqp://{Uri.EscapeDataString(user)}:{Uri.EscapeDataString(password)}@{Endpoint.Property(EndpointProperty.Host)}:{Endpoint.Property(EndpointProperty.Port)}");
}
