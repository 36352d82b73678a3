using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PmfBot.Bot.Tests.Conversation.Support;

/// <summary>
/// Records every command EF Core sends to the database (one command is one round trip), with its
/// SQL, so a test can count what one click costs. Register with
/// <c>services.ConfigurePmfDbContext(o => o.AddInterceptors(commands))</c>.
/// </summary>
public sealed class DatabaseCommands : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _sent = new();

    public IReadOnlyList<string> Sent => _sent.ToList();

    public int Count => _sent.Count;

    public void Clear() => _sent.Clear();

    /// <summary>The commands <paramref name="act"/> sends, counted from a clean slate.</summary>
    public async Task<IReadOnlyList<string>> DuringAsync(Func<Task> act)
    {
        Clear();
        await act();
        return Sent;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(command.CommandText);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(command.CommandText);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _sent.Enqueue(command.CommandText);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        _sent.Enqueue(command.CommandText);
        return base.NonQueryExecuting(command, eventData, result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        _sent.Enqueue(command.CommandText);
        return base.ScalarExecuting(command, eventData, result);
    }
}
