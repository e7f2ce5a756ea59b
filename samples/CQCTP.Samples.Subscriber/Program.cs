using CQCTP.Samples.Subscriber;

// dotnet run --project samples/CQCTP.Samples.Subscriber -- [--host localhost] [--port 5672] [--user dev-integrator]
//   [--password dev-integrator-secret] [--catalogue http://localhost:8080/asyncapi.json | --exchange <name>…]
//   [--from 2026-11-30T00:00:00Z]
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var catalogueAt = args.SkipWhile(a => a != "--catalogue").Skip(1).FirstOrDefault()
    ?? Environment.GetEnvironmentVariable("CQCTP_CATALOGUE") ?? "http://localhost:8080/asyncapi.json";
IReadOnlyList<string> fromCatalogue = args.Contains("--exchange") || args.Contains("--from")
    ? []
    : await Catalogue.ExchangesAsync(new Uri(catalogueAt), stop.Token);
var options = SubscriberOptions.Parse(args, Environment.GetEnvironmentVariable, fromCatalogue);

Console.WriteLine(options.From is { } from
    ? $"Replaying {EventSubscriber.ReplayStream} from {from:O} as {options.User} (Ctrl+C to stop)"
    : $"Reading {options.Queue}, bound to {options.Exchanges.Count} exchange(s), as {options.User} (Ctrl+C to stop)");
await EventSubscriber.RunAsync(options, received =>
{
    Console.WriteLine($"{received.Exchange} {received.MessageId}");
    Console.WriteLine(received.Body);
    return Task.CompletedTask;
}, stop.Token);
