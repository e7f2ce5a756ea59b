// Each collection starts whole AppHosts; on 2 cores one at a time is faster and steadier than several at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
