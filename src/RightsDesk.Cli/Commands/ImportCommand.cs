using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RightsDesk.Core;
using RightsDesk.Core.Demands;

namespace RightsDesk.Cli.Commands;

/// <summary>
/// `rightsdesk import FILE...`: demands that arrived by post, fax or e-mail, typed up as JSON. Every file is validated
/// before any is stored, so a batch with one bad file stores nothing; re-running an import does not duplicate
/// (each file's content is its idempotency key).
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Demand JSON files.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", "Import demands from JSON files into the desk (validated, assessed, recorded).") { files };
        var store = new StoreOptions();
        store.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var output = parse.InvocationConfiguration.Output;
            var read = new List<(FileInfo File, byte[] Body, Demand Demand)>();
            var failed = false;
            foreach (var f in parse.GetValue(files)!)
            {
                try
                {
                    var body = AssessCommand.ReadSmall(f, DemandReader.MaxDocumentBytes);
                    var demand = DemandReader.Read(body);
                    if (demand.Authority.Verification is not null)
                    {
                        throw new ValidationFailedException([new FieldError("authority.verification", CreateDemand.CallBackNotHere(CliStore.Operator, IntakeRoute.Import))]);
                    }

                    if (demand.Channel is Channel.Portal)
                    {
                        throw new ValidationFailedException([new FieldError("channel", "\"portal\" is recorded only for demands submitted through the authority portal; say how this one arrived (email, post, fax, inPerson, phone).")]);
                    }

                    read.Add((f, body, demand));
                }
                catch (ValidationFailedException ex)
                {
                    failed = true;
                    foreach (var e in ex.Errors)
                    {
                        await error.WriteLineAsync($"{f.Name}: {e.Field}: {e.Message}");
                    }
                }
                catch (CliInputException ex)
                {
                    failed = true;
                    await error.WriteLineAsync(ex.Message);
                }
            }

            if (failed)
            {
                await error.WriteLineAsync("Nothing was imported; correct the files above and run the import again.");
                return 2;
            }

            StoreSettings settings;
            try
            {
                settings = store.Resolve(parse, mayCreate: true);
            }
            catch (InvalidOperationException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return 2;
            }

            await using var services = await CliStore.OpenAsync(settings, ct);
            foreach (var (file, body, demand) in read)
            {
                await using var scope = services.CreateAsyncScope();
                var key = "import-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..32];
                var created = await scope.ServiceProvider.GetRequiredService<CreateDemand>()
                    .RunAsync(new CreateDemand.Request(demand, body, null, CliStore.Operator, IntakeRoute.Import, key), ct);
                await output.WriteLineAsync($"{file.Name}\t{created.Record.Id}\t{(created.Replayed ? "already imported" : JsonNames.Of(created.Record.Recommendation!.Value))}");
            }

            return 0;
        });
        return command;
    }
}
