namespace CQCTP.Testing.Probe;

/// <summary>A point where the probe's code waits until a test releases it; <see cref="Entered"/> says it got there.</summary>
internal sealed class Hold
{
    private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => entered.Task;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        entered.TrySetResult();
        await released.Task.WaitAsync(cancellationToken);
    }

    public void Release() => released.TrySetResult();
}
