using CQCTP.Integrations.Api.Domain;
using CQCTP.Primitives;

namespace CQCTP.Integrations.Tests;

/// <summary>A subscription's transitions: failing long enough disables it, a success resets the count, enable again.</summary>
public sealed class WebhookSubscriptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ThreeDays = TimeSpan.FromDays(3);

    private static WebhookSubscription New() => WebhookSubscription.Register("client",
        new WebhookDetails(new Uri("https://example.org/hook"), ["OrganizationRegistered"], null), "whsec_x", Now);

    [Fact]
    public void FailingForLessThanTheDelay_StaysEnabled_ThenDisablesAtTheDelay()
    {
        var subscription = New();

        Assert.False(subscription.RecordFailure(Now, ThreeDays));
        Assert.False(subscription.RecordFailure(Now.AddDays(2.9), ThreeDays));
        Assert.True(subscription.Enabled);
        Assert.True(subscription.RecordFailure(Now.AddDays(3), ThreeDays));
        Assert.False(subscription.Enabled);
        Assert.Equal(WebhookSubscription.Failing, subscription.DisabledReason);
    }

    [Fact]
    public void ASuccess_ResetsTheFailingClock()
    {
        var subscription = New();
        subscription.RecordFailure(Now, ThreeDays);

        subscription.RecordSuccess();

        Assert.False(subscription.RecordFailure(Now.AddDays(3), ThreeDays));
        Assert.True(subscription.Enabled);
    }

    [Fact]
    public void Gone_DisablesOnce_AndEnableBringsItBack_EnablingTwiceIsAConflict()
    {
        var subscription = New();

        Assert.True(subscription.Disable(WebhookSubscription.Gone, Now));
        Assert.False(subscription.Disable(WebhookSubscription.Gone, Now));
        subscription.Enable(Now);

        Assert.True(subscription.Enabled);
        Assert.Null(subscription.FailingSince);
        var refused = Assert.Throws<DomainException>(() => subscription.Enable(Now));
        Assert.Equal(WebhookSubscription.IllegalTransition, refused.Code);
    }
}
