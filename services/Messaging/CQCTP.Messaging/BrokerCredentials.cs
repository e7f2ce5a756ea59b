using MassTransit;

namespace CQCTP.Messaging;

public static class BrokerCredentials
{
    /// <summary>Takes the user name and password from an <c>amqp://user:password@host:port</c> connection string.</summary>
    public static void UseCredentialsOf(this IRabbitMqHostConfigurator host, Uri broker)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(broker);
        // Generated passwords are percent-encoded in the URI.
        var credentials = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);
        host.Username(credentials[0]);
        host.Password(credentials.ElementAtOrDefault(1) ?? "");
    }
}
