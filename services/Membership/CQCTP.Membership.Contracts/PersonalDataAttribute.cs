namespace CQCTP.Membership.Contracts;

/// <summary>
/// Marks an event (or one of its properties) that carries personal information a consuming service needs, such as an
/// email address. Integrators never receive a marked event: it is left out of their broker permissions, the replay,
/// the webhooks and the public catalogue (docs/events.md).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = false)]
public sealed class PersonalDataAttribute : Attribute;
