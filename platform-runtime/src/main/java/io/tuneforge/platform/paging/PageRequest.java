package io.tuneforge.platform.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Query parameters of every list endpoint: {@code ?limit=&after=}. */
public class PageRequest {

    @QueryParam("limit")
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and 100")
    @Max(value = 100, message = "must be between 1 and 100")
    public int limit;

    /** Id of the last item of the previous page; absent for the first page. */
    @QueryParam("after")
    public String after;
}
