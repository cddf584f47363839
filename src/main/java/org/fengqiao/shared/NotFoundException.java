package org.fengqiao.shared;

/** Unknown id, or an id outside the caller's organisations (never leaks existence). */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " 不存在或无权查看 (not found)");
    }

    @Override public String slug() { return "not-found"; }
    @Override public int status() { return 404; }
    @Override public String title() { return "Not found"; }
}
