using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Cyclomatic complexity and nesting depth of one C# function.
/// <para>
/// Complexity is 1 plus one for each of: <c>if</c> (so <c>else if</c> counts once, <c>else</c> not at all), each
/// <c>case</c> label of a switch statement (pattern labels included, <c>default</c> excluded), each switch-expression
/// arm except the discard <c>_</c>, <c>for</c>, <c>foreach</c>, <c>while</c>, <c>do</c>, <c>catch</c>, the
/// conditional <c>?:</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>??</c>, <c>??=</c>, and the pattern combinators
/// <c>and</c> and <c>or</c>. <c>when</c> clauses, <c>?.</c> and <c>goto</c> do not count.
/// </para>
/// <para>
/// Nesting counts how many of <c>if</c>/<c>else</c>, <c>for</c>, <c>foreach</c>, <c>while</c>, <c>do</c>,
/// <c>switch</c>, <c>try</c>, <c>using</c> and <c>lock</c> statements enclose the deepest statement, braces or
/// not; an <c>else if</c> sits at the depth of its <c>if</c>. Lambdas belong to the function that contains them;
/// local functions are measured on their own and left out of their parent.
/// </para>
/// </summary>
internal sealed class CSharpFunctionWalker : CSharpSyntaxWalker
{
    private readonly SyntaxNode _function;
    private int _depth;

    private CSharpFunctionWalker(SyntaxNode function) => _function = function;

    public int Complexity { get; private set; } = 1;

    public int MaxDepth { get; private set; }

    public static CSharpFunctionWalker Measure(SyntaxNode function)
    {
        var walker = new CSharpFunctionWalker(function);
        walker.Visit(function);
        return walker;
    }

    public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        if (node == _function)
        {
            base.VisitLocalFunctionStatement(node);
        }
    }

    public override void VisitIfStatement(IfStatementSyntax node)
    {
        Complexity++;
        Enter();
        Visit(node.Condition);
        Visit(node.Statement);
        Leave();

        switch (node.Else?.Statement)
        {
            case IfStatementSyntax elseIf:
                Visit(elseIf);
                break;
            case { } otherwise:
                Enter();
                Visit(otherwise);
                Leave();
                break;
        }
    }

    public override void VisitForStatement(ForStatementSyntax node) => Loop(() => base.VisitForStatement(node));

    public override void VisitForEachStatement(ForEachStatementSyntax node) =>
        Loop(() => base.VisitForEachStatement(node));

    public override void VisitForEachVariableStatement(ForEachVariableStatementSyntax node) =>
        Loop(() => base.VisitForEachVariableStatement(node));

    public override void VisitWhileStatement(WhileStatementSyntax node) => Loop(() => base.VisitWhileStatement(node));

    public override void VisitDoStatement(DoStatementSyntax node) => Loop(() => base.VisitDoStatement(node));

    public override void VisitSwitchStatement(SwitchStatementSyntax node) => Block(() => base.VisitSwitchStatement(node));

    public override void VisitTryStatement(TryStatementSyntax node) => Block(() => base.VisitTryStatement(node));

    public override void VisitUsingStatement(UsingStatementSyntax node) => Block(() => base.VisitUsingStatement(node));

    public override void VisitLockStatement(LockStatementSyntax node) => Block(() => base.VisitLockStatement(node));

    public override void VisitCaseSwitchLabel(CaseSwitchLabelSyntax node)
    {
        Complexity++;
        base.VisitCaseSwitchLabel(node);
    }

    public override void VisitCasePatternSwitchLabel(CasePatternSwitchLabelSyntax node)
    {
        Complexity++;
        base.VisitCasePatternSwitchLabel(node);
    }

    public override void VisitSwitchExpressionArm(SwitchExpressionArmSyntax node)
    {
        if (node.Pattern is not DiscardPatternSyntax)
        {
            Complexity++;
        }

        base.VisitSwitchExpressionArm(node);
    }

    public override void VisitCatchClause(CatchClauseSyntax node)
    {
        Complexity++;
        base.VisitCatchClause(node);
    }

    public override void VisitConditionalExpression(ConditionalExpressionSyntax node)
    {
        Complexity++;
        base.VisitConditionalExpression(node);
    }

    public override void VisitBinaryExpression(BinaryExpressionSyntax node)
    {
        if (node.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression
            or SyntaxKind.CoalesceExpression)
        {
            Complexity++;
        }

        base.VisitBinaryExpression(node);
    }

    public override void VisitAssignmentExpression(AssignmentExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.CoalesceAssignmentExpression))
        {
            Complexity++;
        }

        base.VisitAssignmentExpression(node);
    }

    public override void VisitBinaryPattern(BinaryPatternSyntax node)
    {
        Complexity++;
        base.VisitBinaryPattern(node);
    }

    private void Loop(Action visitChildren)
    {
        Complexity++;
        Block(visitChildren);
    }

    private void Block(Action visitChildren)
    {
        Enter();
        visitChildren();
        Leave();
    }

    private void Enter()
    {
        _depth++;
        MaxDepth = Math.Max(MaxDepth, _depth);
    }

    private void Leave() => _depth--;
}
