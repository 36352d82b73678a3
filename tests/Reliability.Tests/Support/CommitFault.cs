using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PmfBot.Reliability.Tests.Support;

/// <summary>
/// Runs a fault (cut the connection, lose the answer) at the moment EF is about to commit a
/// transaction: the change and its audit lines are written but not yet committed. Armed for one
/// commit at a time; <see cref="Fired"/> proves the fault really landed inside a transaction.
/// </summary>
public sealed class CommitFault : DbTransactionInterceptor
{
    private Action? _armed;

    public int Fired { get; private set; }

    public void ArmOnce(Action fault) => _armed = fault;

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Fire();
        return result;
    }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Fire();
        return ValueTask.FromResult(result);
    }

    private void Fire()
    {
        if (Interlocked.Exchange(ref _armed, null) is { } fault)
        {
            Fired++;
            fault();
        }
    }
}
