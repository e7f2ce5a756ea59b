namespace CQCTP.ArchitectureTests;

public sealed class DependencyRulesTests
{
    private static readonly ProjectInfo MembershipApi = new("CQCTP.Membership.Api",
        "services/Membership/CQCTP.Membership.Api/CQCTP.Membership.Api.csproj", ["CQCTP.ApiConventions"], []);

    [Fact]
    public void Solution_HasTheProjectsTheRulesSpeakOf()
    {
        var projects = Repository.Projects;

        Assert.Contains(projects, p => p.IsServiceApi);
        Assert.Contains(projects, p => p.IsContracts);
        Assert.Contains(projects, p => p.IsSharedInfrastructure && p.Name == "CQCTP.ApiConventions");
    }

    [Fact]
    public void NoServiceApi_ReferencesAnotherServiceApi() =>
        Assert.Empty(DependencyRules.ServiceReferencingAnotherServiceApi(Repository.Projects));

    [Fact]
    public void ServiceRule_OnAServiceReferencingAnotherServiceApi_Fails()
    {
        var concertation = new ProjectInfo("CQCTP.Concertation.Api",
            "services/Concertation/CQCTP.Concertation.Api/CQCTP.Concertation.Api.csproj",
            ["CQCTP.ApiConventions", "CQCTP.Membership.Api"], []);

        var violations = DependencyRules.ServiceReferencingAnotherServiceApi([MembershipApi, concertation]);

        Assert.Equal(["CQCTP.Concertation.Api → CQCTP.Membership.Api"], violations);
    }

    [Fact]
    public void Contracts_ReferenceOnlyTheBaseLibrary() =>
        Assert.Empty(DependencyRules.ContractsReferencingMoreThanTheBaseLibrary(Repository.Projects));

    [Fact]
    public void ContractsRule_OnContractsReferencingAPackage_Fails()
    {
        var contracts = new ProjectInfo("CQCTP.Funding.Contracts",
            "services/Funding/CQCTP.Funding.Contracts/CQCTP.Funding.Contracts.csproj", [], ["MassTransit"]);

        var violations = DependencyRules.ContractsReferencingMoreThanTheBaseLibrary([contracts]);

        Assert.Equal(["CQCTP.Funding.Contracts → MassTransit"], violations);
    }

    [Fact]
    public void SharedInfrastructure_ReferencesNoDomain() =>
        Assert.Empty(DependencyRules.SharedInfrastructureReferencingADomain(Repository.Projects));

    [Fact]
    public void InfrastructureRule_OnALibraryReferencingContracts_Fails()
    {
        ProjectInfo[] projects =
        [
            new("CQCTP.Membership.Contracts", "services/Membership/CQCTP.Membership.Contracts/CQCTP.Membership.Contracts.csproj", [], []),
            new("CQCTP.Messaging", "services/Messaging/CQCTP.Messaging/CQCTP.Messaging.csproj",
                ["CQCTP.ApiConventions", "CQCTP.Membership.Contracts"], []),
        ];

        var violations = DependencyRules.SharedInfrastructureReferencingADomain(projects);

        Assert.Equal(["CQCTP.Messaging → CQCTP.Membership.Contracts"], violations);
    }

    [Fact]
    public void IntegrationEvents_ReferencesEveryContractsProject() =>
        Assert.Empty(DependencyRules.ContractsMissingFromIntegrations(Repository.Projects));

    [Fact]
    public void IntegrationEventsRule_OnAContractsProjectItDoesNotReference_Fails()
    {
        ProjectInfo[] projects =
        [
            new("CQCTP.Membership.Contracts", "services/Membership/CQCTP.Membership.Contracts/CQCTP.Membership.Contracts.csproj", [], []),
            new("CQCTP.Funding.Contracts", "services/Funding/CQCTP.Funding.Contracts/CQCTP.Funding.Contracts.csproj", [], []),
            new(DependencyRules.IntegrationEvents, "services/Integrations/CQCTP.Integrations.Events/CQCTP.Integrations.Events.csproj",
                ["CQCTP.Membership.Contracts"], []),
        ];

        var violations = DependencyRules.ContractsMissingFromIntegrations(projects);

        Assert.Equal(["CQCTP.Integrations.Events does not reference CQCTP.Funding.Contracts"], violations);
    }
}
