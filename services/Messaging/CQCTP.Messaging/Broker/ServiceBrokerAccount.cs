namespace CQCTP.Messaging.Broker;

/// <summary>A service's own broker user (<see cref="ServiceDefaults.BrokerUsers.OfService"/>), its password and what it may do.</summary>
public sealed record ServiceBrokerAccount(string Service, string Password, BrokerPermissions Permissions)
{
    public string User => ServiceDefaults.BrokerUsers.OfService(Service);
}
