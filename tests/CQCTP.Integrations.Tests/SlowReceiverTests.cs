using CQCTP.Testing;
using static CQCTP.Integrations.Tests.WebhookRequests;

namespace CQCTP.Integrations.Tests;

/// <summary>A receiver that hangs holds its own subscription's slot only: another subscription's receiver is served meanwhile.</summary>
[Collection(IntegrationsCollection.Name)]
public sealed class SlowReceiverTests(IntegrationsFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task HangingReceiver_DoesNotDelayAnotherSubscriptionsReceiver()
    {
        await using var slow = await WebhookReceiver.StartAsync();
        await using var fast = await WebhookReceiver.StartAsync();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var holding = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The slow receiver hangs on the first event until the test releases it, or the sender gives up (its timeout).
        slow.BeforeAnswer = async (received, senderGaveUp) =>
        {
            if (received.Id == first.ToString())
            {
                holding.TrySetResult(senderGaveUp);
                await release.Task.WaitAsync(senderGaveUp).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        };
        var fastGotSecond = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        fast.BeforeAnswer = async (received, _) =>
        {
            if (received.Id == second.ToString())
            {
                // Whether the slow receiver's attempt is still open at this very moment.
                var slowAttempt = await holding.Task;
                fastGotSecond.TrySetResult(!slowAttempt.IsCancellationRequested);
            }
        };
        using var slowClient = fixture.CreateClient(NewIntegrator());
        using var fastClient = fixture.CreateClient(NewIntegrator());
        await RegisterAsync(slowClient, slow.Url, "OrganizationRegistered");
        await RegisterAsync(fastClient, fast.Url, "OrganizationRegistered");

        await fixture.PublishRegisteredAsync([first], "Lent");
        await holding.Task.WaitAsync(Wait);
        await fixture.PublishRegisteredAsync([second], "Rapide");
        var slowStillHeld = await fastGotSecond.Task.WaitAsync(Wait);
        release.TrySetResult();

        Assert.True(slowStillHeld, "The fast receiver got the second event only after the slow attempt had ended.");
        // The slow subscription is served in turn once its receiver answers.
        Assert.Single(await slow.WaitForAsync(second, 1, Wait));
    }
}
