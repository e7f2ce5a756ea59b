namespace CQCTP.Integrations.Contracts;

/// <summary>
/// Marks an event that integrators must not receive. Here it is not a person's data but another integrator's: which
/// client has a failing receiver is for that client (through its own subscription's state) and for the platform, not
/// for every integrator. Matched by name, like the attribute of the same name in each contracts project.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = false)]
public sealed class PersonalDataAttribute : Attribute;
