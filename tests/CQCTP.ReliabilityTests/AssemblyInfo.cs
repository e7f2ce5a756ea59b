// Each collection starts a whole AppHost, and the fault tests stop its processes: one thing at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
