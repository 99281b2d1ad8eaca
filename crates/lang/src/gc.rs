//! A small cycle collector for `Rc` cycles that Python code can create (a list that contains
//! itself, an object whose attribute refers back to it, a closure stored in the scope it
//! captures). It runs when a namespace is dropped and when a call whose scope was captured
//! by a closure returns, using trial deletion: references from inside the examined graph are
//! subtracted from each container's strong count; containers with references left over are
//! alive, as is everything they reach; the rest is garbage and is emptied, which breaks the
//! cycles so that `Rc` frees them.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::value::{
    BoundMethod, Dict, Function, IterState, Key, NativeFunction, Object, Scope, Value,
};

/// Largest graph examined (bigger graphs are left alone rather than slowing a request).
const MAX_NODES: usize = 200_000;

/// A shared container.
enum Node {
    List(Rc<RefCell<Vec<Value>>>),
    Dict(Rc<RefCell<Dict>>),
    Tuple(Rc<[Value]>),
    Object(Rc<RefCell<Object>>),
    Func(Rc<Function>),
    Scope(Rc<Scope>),
    Method(Rc<BoundMethod>),
    Native(Rc<NativeFunction>),
    Iter(Rc<RefCell<IterState>>),
}

impl Node {
    fn of(v: &Value) -> Option<Node> {
        Some(match v {
            Value::List(r) => Node::List(r.clone()),
            Value::Dict(r) | Value::Set(r) => Node::Dict(r.clone()),
            Value::Tuple(r) => Node::Tuple(r.clone()),
            Value::Object(r) => Node::Object(r.clone()),
            Value::Function(r) => Node::Func(r.clone()),
            Value::Method(r) => Node::Method(r.clone()),
            Value::Native(r) => Node::Native(r.clone()),
            Value::Iter(r) => Node::Iter(r.clone()),
            _ => return None,
        })
    }

    fn id(&self) -> usize {
        match self {
            Node::List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Node::Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Node::Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            Node::Object(r) => Rc::as_ptr(r) as *const u8 as usize,
            Node::Func(r) => Rc::as_ptr(r) as *const u8 as usize,
            Node::Scope(r) => Rc::as_ptr(r) as *const u8 as usize,
            Node::Method(r) => Rc::as_ptr(r) as *const u8 as usize,
            Node::Native(r) => Rc::as_ptr(r) as *const u8 as usize,
            Node::Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
        }
    }

    fn strong(&self) -> usize {
        match self {
            Node::List(r) => Rc::strong_count(r),
            Node::Dict(r) => Rc::strong_count(r),
            Node::Tuple(r) => Rc::strong_count(r),
            Node::Object(r) => Rc::strong_count(r),
            Node::Func(r) => Rc::strong_count(r),
            Node::Scope(r) => Rc::strong_count(r),
            Node::Method(r) => Rc::strong_count(r),
            Node::Native(r) => Rc::strong_count(r),
            Node::Iter(r) => Rc::strong_count(r),
        }
    }

    /// The nodes this node refers to (one entry per reference).
    fn children(&self, out: &mut Vec<Node>) {
        let mut push = |v: &Value| {
            if let Some(n) = Node::of(v) {
                out.push(n)
            }
        };
        match self {
            Node::List(r) => {
                if let Ok(l) = r.try_borrow() {
                    l.iter().for_each(&mut push);
                }
            }
            Node::Dict(r) => {
                if let Ok(d) = r.try_borrow() {
                    for (k, v) in d.iter() {
                        if let Key::Ident(i) = k {
                            push(&i.0);
                        }
                        push(v);
                    }
                }
            }
            Node::Tuple(r) => r.iter().for_each(&mut push),
            Node::Object(r) => {
                if let Ok(o) = r.try_borrow() {
                    o.attrs.values().for_each(&mut push);
                }
            }
            Node::Func(f) => {
                f.defaults.iter().flatten().for_each(&mut push);
                if let Some(s) = &f.closure {
                    out.push(Node::Scope(s.clone()));
                }
            }
            Node::Scope(s) => {
                if let Ok(vars) = s.vars.try_borrow() {
                    vars.values().for_each(&mut push);
                }
                if let Some(p) = &s.parent {
                    out.push(Node::Scope(p.clone()));
                }
            }
            Node::Method(m) => {
                push(&m.receiver);
                push(&m.func);
            }
            Node::Native(n) => {
                if let Some(r) = &n.receiver {
                    push(r);
                }
            }
            Node::Iter(r) => {
                if let Ok(st) = r.try_borrow() {
                    st.items.iter().for_each(&mut push);
                    if let Some(g) = &st.gen {
                        g.for_each_value(&mut push);
                        out.push(Node::Scope(g.scope.clone()));
                        if let Some(f) = &g.func {
                            out.push(Node::Func(f.clone()));
                        }
                    }
                }
            }
        }
    }

    /// Empties the node (breaking cycles through it); returns what it held.
    fn clear(&self, out: &mut Vec<Value>) {
        match self {
            Node::List(r) => {
                if let Ok(mut l) = r.try_borrow_mut() {
                    out.extend(std::mem::take(&mut *l));
                }
            }
            Node::Dict(r) => {
                if let Ok(mut d) = r.try_borrow_mut() {
                    for (k, v) in std::mem::take(&mut *d) {
                        if let Key::Ident(i) = k {
                            out.push(i.0);
                        }
                        out.push(v);
                    }
                }
            }
            Node::Object(r) => {
                if let Ok(mut o) = r.try_borrow_mut() {
                    out.extend(std::mem::take(&mut o.attrs).into_values());
                }
            }
            Node::Scope(s) => {
                if let Ok(mut vars) = s.vars.try_borrow_mut() {
                    out.extend(std::mem::take(&mut *vars).into_values());
                }
            }
            Node::Iter(r) => {
                if let Ok(mut st) = r.try_borrow_mut() {
                    out.extend(std::mem::take(&mut st.items));
                    if let Some(g) = st.gen.take() {
                        out.extend(g.into_values());
                    }
                }
            }
            // Immutable: cycles through them also pass through a mutable container.
            Node::Tuple(_) | Node::Func(_) | Node::Method(_) | Node::Native(_) => {}
        }
    }
}

/// Frees the garbage cycles reachable from `roots`; the caller holds one reference to each
/// root (which counts as internal). Returns the number of containers emptied.
pub(crate) fn collect(roots: Vec<Node0>) -> usize {
    let mut index: HashMap<usize, usize> = HashMap::new();
    let mut nodes: Vec<(Node, usize)> = Vec::new();
    let mut stack: Vec<Node> = Vec::new();
    let mut shared = false;
    for r in roots {
        let n = r.0;
        let id = n.id();
        match index.get(&id) {
            Some(&i) => {
                nodes[i].1 += 1;
                shared = true;
            }
            None => {
                index.insert(id, nodes.len());
                nodes.push((n, 1));
                stack.push(nodes[nodes.len() - 1].0.clone_node());
            }
        }
    }
    let mut kids = Vec::new();
    while let Some(n) = stack.pop() {
        if nodes.len() > MAX_NODES {
            return 0;
        }
        kids.clear();
        n.children(&mut kids);
        for k in kids.drain(..) {
            let id = k.id();
            match index.get(&id) {
                Some(&i) => {
                    nodes[i].1 += 1;
                    shared = true;
                }
                None => {
                    index.insert(id, nodes.len());
                    stack.push(k.clone_node());
                    nodes.push((k, 1));
                }
            }
        }
    }
    if !shared {
        // A tree: no cycles.
        return 0;
    }
    // References from outside the graph (minus the clone this collector holds).
    let mut alive = vec![false; nodes.len()];
    let mut work: Vec<usize> = Vec::new();
    for (i, (n, internal)) in nodes.iter().enumerate() {
        if n.strong().saturating_sub(1) > *internal {
            alive[i] = true;
            work.push(i);
        }
    }
    while let Some(i) = work.pop() {
        kids.clear();
        nodes[i].0.children(&mut kids);
        for k in kids.drain(..) {
            if let Some(&j) = index.get(&k.id()) {
                if !alive[j] {
                    alive[j] = true;
                    work.push(j);
                }
            }
        }
    }
    let mut freed = Vec::new();
    let mut count = 0;
    for (i, (n, _)) in nodes.iter().enumerate() {
        if !alive[i] {
            n.clear(&mut freed);
            count += 1;
        }
    }
    drop(nodes);
    crate::value::drop_values(freed);
    count
}

impl Node {
    fn clone_node(&self) -> Node {
        match self {
            Node::List(r) => Node::List(r.clone()),
            Node::Dict(r) => Node::Dict(r.clone()),
            Node::Tuple(r) => Node::Tuple(r.clone()),
            Node::Object(r) => Node::Object(r.clone()),
            Node::Func(r) => Node::Func(r.clone()),
            Node::Scope(r) => Node::Scope(r.clone()),
            Node::Method(r) => Node::Method(r.clone()),
            Node::Native(r) => Node::Native(r.clone()),
            Node::Iter(r) => Node::Iter(r.clone()),
        }
    }
}

/// A root handed to [`collect`].
pub(crate) struct Node0(Node);

impl Node0 {
    /// A value root (plain values are not roots).
    pub(crate) fn value(v: &Value) -> Option<Node0> {
        Node::of(v).map(Node0)
    }

    /// A scope root.
    pub(crate) fn scope(s: &Rc<Scope>) -> Node0 {
        Node0(Node::Scope(s.clone()))
    }
}
