% for i, item in enumerate(items or []):
${ i }. ${ item | h }
% endfor
<%def name="f(a)">${ a.upper() }</%def>${ f("x") }
